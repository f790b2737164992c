import type { MachineConfig } from '@parley/nodes';
import type { Diagnostic, FlowDocument } from '@parley/shared';
import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';
import { parseInput } from '../parse-input.ts';
import { actorName, actorNames } from './actor-names.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { storedFlow } from './flow-document.ts';
import { flowInput, versionInput } from './inputs.ts';
import { findFlow, findVersion, findVersionById, type VersionRow } from './records.ts';

/** A version as listed: everything but the documents. */
export type VersionSummary = {
  id: string;
  flowId: string;
  number: number;
  checksum: string;
  notes: string;
  warnings: Diagnostic[];
  authorId: string;
  authorName: string;
  createdAt: number;
};

/** A version with what it runs: the flow, its compiled machine and the build steps' outputs. */
export type VersionView = VersionSummary & {
  flow: FlowDocument;
  machine: MachineConfig;
  artifacts: Record<string, unknown>;
};

function summary(
  row: Omit<VersionRow, 'flow' | 'machine' | 'artifacts'>,
  authorName: string,
): VersionSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    number: row.number,
    checksum: row.checksum,
    notes: row.notes,
    warnings: row.warnings as Diagnostic[],
    authorId: row.authorId,
    authorName,
    createdAt: row.createdAt,
  };
}

export async function versionSummary(db: Db, tables: Tables, row: VersionRow): Promise<VersionSummary> {
  return summary(row, await actorName(db, tables, row.authorId));
}

export async function versionView(db: Db, tables: Tables, row: VersionRow): Promise<VersionView> {
  return {
    ...(await versionSummary(db, tables, row)),
    flow: storedFlow(row.flow),
    machine: row.machine as unknown as MachineConfig,
    artifacts: row.artifacts,
  };
}

/** Reading published versions. There is deliberately no method that changes one. */
export function versionMethods({ database }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /** The flow's versions, newest first, without their documents. */
    async versions(flowId: string): Promise<VersionSummary[]> {
      const input = parseInput(flowInput, { flowId });
      await findFlow(db, tables, input.flowId);
      const {
        flow: _flow,
        machine: _machine,
        artifacts: _artifacts,
        ...columns
      } = getTableColumns(tables.flowVersions);
      const rows = await db
        .select(columns)
        .from(tables.flowVersions)
        .where(eq(tables.flowVersions.flowId, input.flowId))
        .orderBy(desc(tables.flowVersions.number));
      const names = await actorNames(
        db,
        tables,
        rows.map((r) => r.authorId),
      );
      return rows.map((row) => summary(row, names.get(row.authorId) ?? row.authorId));
    },

    async getVersion(flowId: string, versionNumber: number): Promise<VersionView> {
      const input = parseInput(versionInput, { flowId, versionNumber });
      await findFlow(db, tables, input.flowId);
      return versionView(db, tables, await findVersion(db, tables, input.flowId, input.versionNumber));
    },

    /** A version by its id, as running conversations refer to it; found even when its flow was deleted. */
    async getVersionById(versionId: string): Promise<VersionView> {
      return versionView(db, tables, await findVersionById(db, tables, versionId));
    },
  };
}
