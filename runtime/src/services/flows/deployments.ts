import { and, desc, eq, ne } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Db, Tables } from '../../store/database.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { actorNames } from './actor-names.ts';
import { applyDeployment, type DeploymentView } from './deployment-writes.ts';
import { orderEnvironments } from './environments.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { deployInput, flowInput, historyInput, rollbackInput } from './inputs.ts';
import { type DeploymentRow, findDeployment, findFlow, findVersion, versionNumbers } from './records.ts';
import { retryOnRace } from './retry-on-race.ts';
import { assertScope } from './scope.ts';

export type HistoryView = {
  id: string;
  environment: string;
  action: 'deploy' | 'rollback' | 'split';
  /** Null for the first deployment to an environment. */
  fromVersion: number | null;
  toVersion: number;
  split: { versionNumber: number; percent: number } | null;
  actorId: string;
  actorName: string;
  createdAt: number;
};

/** The version live before the current deployment: the "from" of the last deploy or rollback there. */
async function previousVersionId(tx: Db, tables: Tables, flowId: string, environment: string) {
  const h = tables.deploymentHistory;
  const [last] = await tx
    .select({ fromVersionId: h.fromVersionId })
    .from(h)
    .where(and(eq(h.flowId, flowId), eq(h.environment, environment), ne(h.action, 'split')))
    .orderBy(desc(h.seq))
    .limit(1);
  return last?.fromVersionId ?? null;
}

function requireDeployment(current: DeploymentRow | undefined, flowId: string, environment: string) {
  if (current) return current;
  throw new ParleyError(
    'PRECONDITION_FAILED',
    `nothing is deployed to ${environment} for flow "${flowId}", so there is nothing to roll back; deploy a version instead`,
  );
}

export function deploymentMethods({ database, clock }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /** Makes a version what new conversations in `environment` get; any traffic split there ends. */
    async deploy(
      actor: Principal,
      flowId: string,
      environment: string,
      versionNumber: number,
    ): Promise<DeploymentView> {
      const input = parseInput(deployInput, { flowId, environment, versionNumber });
      assertScope(actor, input.flowId, input.environment);
      return retryOnRace(`the ${input.environment} deployment`, () =>
        database.transaction(async (tx) => {
          await findFlow(tx, tables, input.flowId);
          const version = await findVersion(tx, tables, input.flowId, input.versionNumber);
          const current = await findDeployment(tx, tables, input.flowId, input.environment);
          return applyDeployment(
            tx,
            tables,
            actor,
            {
              flowId: input.flowId,
              environment: input.environment,
              action: 'deploy',
              current,
              fromVersionId: current?.versionId ?? null,
              next: { versionId: version.id, splitVersionId: null, splitPercent: 0 },
            },
            clock.now(),
          );
        }),
      );
    },

    /**
     * Goes back to `toVersion`, or without it to the version that was live before the current
     * deployment. Ends any traffic split.
     */
    async rollback(
      actor: Principal,
      flowId: string,
      environment: string,
      toVersion?: number,
    ): Promise<DeploymentView> {
      const input = parseInput(rollbackInput, { flowId, environment, toVersion });
      assertScope(actor, input.flowId, input.environment);
      return retryOnRace(`the ${input.environment} deployment`, () =>
        database.transaction(async (tx) => {
          await findFlow(tx, tables, input.flowId);
          const current = requireDeployment(
            await findDeployment(tx, tables, input.flowId, input.environment),
            input.flowId,
            input.environment,
          );
          let targetId: string;
          if (input.toVersion === undefined) {
            const previous = await previousVersionId(tx, tables, input.flowId, input.environment);
            if (previous === null) {
              throw new ParleyError(
                'PRECONDITION_FAILED',
                `there is no earlier deployment to roll back to in ${input.environment}: the version live there ` +
                  'was the first deployed; deploy another version, or name the version to roll back to',
              );
            }
            targetId = previous;
          } else {
            targetId = (await findVersion(tx, tables, input.flowId, input.toVersion)).id;
          }
          if (targetId === current.versionId && current.splitVersionId === null) {
            const numbers = await versionNumbers(tx, tables, [targetId]);
            throw new ParleyError(
              'PRECONDITION_FAILED',
              `version ${numbers.get(targetId)} is already live in ${input.environment}; there is nothing to roll back`,
            );
          }
          return applyDeployment(
            tx,
            tables,
            actor,
            {
              flowId: input.flowId,
              environment: input.environment,
              action: 'rollback',
              current,
              fromVersionId: current.versionId,
              next: { versionId: targetId, splitVersionId: null, splitPercent: 0 },
            },
            clock.now(),
          );
        }),
      );
    },

    /** Deployments, rollbacks and split changes, newest first, in one environment or all. */
    async history(flowId: string, environment?: string, limit?: number): Promise<HistoryView[]> {
      const input = parseInput(historyInput, { flowId, environment, limit });
      await findFlow(db, tables, input.flowId);
      const h = tables.deploymentHistory;
      const rows = await db
        .select()
        .from(h)
        .where(
          input.environment === undefined
            ? eq(h.flowId, input.flowId)
            : and(eq(h.flowId, input.flowId), eq(h.environment, input.environment)),
        )
        .orderBy(desc(h.seq))
        .limit(input.limit);
      const numbers = await versionNumbers(
        db,
        tables,
        rows.flatMap((r) => [r.fromVersionId, r.toVersionId, r.splitVersionId]),
      );
      const names = await actorNames(
        db,
        tables,
        rows.map((r) => r.actorId),
      );
      // Versions are never deleted, so every id in the history has a number.
      const number = (id: string) => numbers.get(id) ?? 0;
      return rows.map((row) => ({
        id: row.id,
        environment: row.environment,
        action: row.action,
        fromVersion: row.fromVersionId === null ? null : number(row.fromVersionId),
        toVersion: number(row.toVersionId),
        split:
          row.splitVersionId === null
            ? null
            : { versionNumber: number(row.splitVersionId), percent: row.splitPercent },
        actorId: row.actorId,
        actorName: names.get(row.actorId) ?? row.actorId,
        createdAt: row.createdAt,
      }));
    },

    /** The standard environments and any other this flow was ever deployed to. */
    async environments(flowId: string): Promise<string[]> {
      const input = parseInput(flowInput, { flowId });
      await findFlow(db, tables, input.flowId);
      const rows = await db
        .selectDistinct({ environment: tables.deploymentHistory.environment })
        .from(tables.deploymentHistory)
        .where(eq(tables.deploymentHistory.flowId, input.flowId));
      return orderEnvironments(rows.map((r) => r.environment));
    },
  };
}
