import { asc, inArray, isNull, max, sql } from 'drizzle-orm';
import { actorNames } from './actor-names.ts';
import { flowChecksum } from './checksum.ts';
import { orderEnvironments } from './environments.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { storedFlow } from './flow-document.ts';
import { versionNumbers } from './records.ts';

/** What is live in one environment, by version number. */
export type LiveSummary = { versionNumber: number; split: { versionNumber: number; percent: number } | null };

export type FlowSummary = {
  id: string;
  name: string;
  revision: number;
  updatedAt: number;
  updatedBy: string;
  updatedByName: string;
  /** Null until the first publish. */
  latestVersion: number | null;
  /** The draft differs from the latest version (always true before the first publish). */
  draftChanged: boolean;
  /** Every standard environment (null when nothing is deployed there) and any other deployed to. */
  live: Record<string, LiveSummary | null>;
};

export function flowListMethods({ database }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /** The flows that are not deleted, by name, with what is published and deployed for each. */
    async list(): Promise<FlowSummary[]> {
      const flows = await db
        .select({
          id: tables.flows.id,
          name: tables.flows.name,
          revision: tables.flows.revision,
          updatedAt: tables.flows.updatedAt,
          updatedBy: tables.flows.updatedBy,
          draft: tables.flows.draft,
        })
        .from(tables.flows)
        .where(isNull(tables.flows.deletedAt))
        .orderBy(asc(tables.flows.name), asc(tables.flows.id));
      const latest = await db
        .select({
          flowId: tables.flowVersions.flowId,
          number: tables.flowVersions.number,
          checksum: tables.flowVersions.checksum,
        })
        .from(tables.flowVersions)
        .where(
          inArray(
            sql`(${tables.flowVersions.flowId}, ${tables.flowVersions.number})`,
            db
              .select({ flowId: tables.flowVersions.flowId, number: max(tables.flowVersions.number) })
              .from(tables.flowVersions)
              .groupBy(tables.flowVersions.flowId),
          ),
        );
      const deployments = await db.select().from(tables.deployments);
      const numbers = await versionNumbers(
        db,
        tables,
        deployments.flatMap((d) => [d.versionId, d.splitVersionId]),
      );
      const names = await actorNames(
        db,
        tables,
        flows.map((f) => f.updatedBy),
      );
      const latestOf = new Map(latest.map((row) => [row.flowId, row]));

      return flows.map(({ draft, ...flow }) => {
        const published = latestOf.get(flow.id);
        const own = deployments.filter((d) => d.flowId === flow.id);
        const live: Record<string, LiveSummary | null> = {};
        for (const environment of orderEnvironments(own.map((d) => d.environment))) {
          const deployment = own.find((d) => d.environment === environment);
          const versionNumber = deployment && numbers.get(deployment.versionId);
          const splitNumber = deployment?.splitVersionId ? numbers.get(deployment.splitVersionId) : undefined;
          live[environment] =
            versionNumber === undefined
              ? null
              : {
                  versionNumber,
                  split:
                    splitNumber === undefined || !deployment
                      ? null
                      : { versionNumber: splitNumber, percent: deployment.splitPercent },
                };
        }
        return {
          ...flow,
          updatedByName: names.get(flow.updatedBy) ?? flow.updatedBy,
          latestVersion: published?.number ?? null,
          // Publishing stores the draft as parsed; the checksum compares documents, not their key order.
          draftChanged: published?.checksum !== flowChecksum(storedFlow(draft)),
          live,
        };
      });
    },
  };
}
