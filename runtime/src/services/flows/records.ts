import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Db, Tables } from '../../store/database.ts';

export type FlowRow = Tables['flows']['$inferSelect'];
export type VersionRow = Tables['flowVersions']['$inferSelect'];
export type DeploymentRow = Tables['deployments']['$inferSelect'];
export type HistoryRow = Tables['deploymentHistory']['$inferSelect'];

/** The flow, unless it does not exist or was deleted: NOT_FOUND either way. */
export async function findFlow(db: Db, tables: Tables, flowId: string): Promise<FlowRow> {
  const [flow] = await db
    .select()
    .from(tables.flows)
    .where(and(eq(tables.flows.id, flowId), isNull(tables.flows.deletedAt)));
  if (!flow) throw new ParleyError('NOT_FOUND', `there is no flow "${flowId}"`);
  return flow;
}

export async function latestVersion(db: Db, tables: Tables, flowId: string): Promise<VersionRow | undefined> {
  const [version] = await db
    .select()
    .from(tables.flowVersions)
    .where(eq(tables.flowVersions.flowId, flowId))
    .orderBy(desc(tables.flowVersions.number))
    .limit(1);
  return version;
}

export async function findVersion(
  db: Db,
  tables: Tables,
  flowId: string,
  number: number,
): Promise<VersionRow> {
  const [version] = await db
    .select()
    .from(tables.flowVersions)
    .where(and(eq(tables.flowVersions.flowId, flowId), eq(tables.flowVersions.number, number)));
  if (version) return version;
  const latest = await latestVersion(db, tables, flowId);
  const published = latest ? `its latest version is ${latest.number}` : 'it has not been published yet';
  throw new ParleyError('NOT_FOUND', `flow "${flowId}" has no version ${number}: ${published}`);
}

export async function findVersionById(db: Db, tables: Tables, versionId: string): Promise<VersionRow> {
  const [version] = await db.select().from(tables.flowVersions).where(eq(tables.flowVersions.id, versionId));
  if (!version) throw new ParleyError('NOT_FOUND', `there is no flow version "${versionId}"`);
  return version;
}

/** Version numbers by version id, for showing deployments and history. */
export async function versionNumbers(
  db: Db,
  tables: Tables,
  ids: readonly (string | null)[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.flowVersions.id, number: tables.flowVersions.number })
    .from(tables.flowVersions)
    .where(inArray(tables.flowVersions.id, wanted));
  return new Map(rows.map((row) => [row.id, row.number]));
}

export async function findDeployment(
  db: Db,
  tables: Tables,
  flowId: string,
  environment: string,
): Promise<DeploymentRow | undefined> {
  const [deployment] = await db
    .select()
    .from(tables.deployments)
    .where(and(eq(tables.deployments.flowId, flowId), eq(tables.deployments.environment, environment)));
  return deployment;
}
