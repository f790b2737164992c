import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { newId } from '../clock.ts';
import type { Principal } from '../principal.ts';
import { type DeploymentRow, versionNumbers } from './records.ts';
import { RaceLost } from './retry-on-race.ts';

export type DeploymentState = { versionId: string; splitVersionId: string | null; splitPercent: number };

/**
 * Sets what is live in an environment, as a compare-and-set on what was read: a concurrent change makes
 * it throw RaceLost (or a unique violation for a first deployment), and the transaction is retried, so
 * the history's "from" is always what was really live.
 */
async function writeDeployment(
  tx: Db,
  tables: Tables,
  where: { flowId: string; environment: string },
  current: DeploymentRow | undefined,
  next: DeploymentState,
  actor: Principal,
  now: number,
): Promise<void> {
  const values = { ...next, updatedBy: actor.id, updatedAt: now };
  if (!current) {
    await tx.insert(tables.deployments).values({ ...where, ...values });
    return;
  }
  const t = tables.deployments;
  const [row] = await tx
    .update(t)
    .set(values)
    .where(
      and(
        eq(t.flowId, where.flowId),
        eq(t.environment, where.environment),
        eq(t.versionId, current.versionId),
        current.splitVersionId === null
          ? isNull(t.splitVersionId)
          : eq(t.splitVersionId, current.splitVersionId),
        eq(t.splitPercent, current.splitPercent),
      ),
    )
    .returning({ flowId: t.flowId });
  if (!row) throw new RaceLost(`the ${where.environment} deployment`);
}

let lastSeq = 0;

export type HistoryEntry = {
  flowId: string;
  environment: string;
  action: 'deploy' | 'rollback' | 'split';
  fromVersionId: string | null;
  next: DeploymentState;
};

async function recordHistory(tx: Db, tables: Tables, entry: HistoryEntry, actor: Principal, now: number) {
  // Ordered by time, then by a per-process counter for entries made in the same millisecond.
  lastSeq = Math.max(lastSeq + 1, now * 1000);
  await tx.insert(tables.deploymentHistory).values({
    id: newId('dep'),
    flowId: entry.flowId,
    environment: entry.environment,
    action: entry.action,
    fromVersionId: entry.fromVersionId,
    toVersionId: entry.next.versionId,
    splitVersionId: entry.next.splitVersionId,
    splitPercent: entry.next.splitPercent,
    actorId: actor.id,
    createdAt: now,
    seq: lastSeq,
  });
}

/** What is live in an environment, by version number. */
export type DeploymentView = {
  flowId: string;
  environment: string;
  versionNumber: number;
  split: { versionNumber: number; percent: number } | null;
  updatedBy: string;
  updatedAt: number;
};

/** Changes a deployment, and records it in the deployment history and the audit log, in `tx`. */
export async function applyDeployment(
  tx: Db,
  tables: Tables,
  actor: Principal,
  change: HistoryEntry & { current: DeploymentRow | undefined },
  now: number,
): Promise<DeploymentView> {
  const { flowId, environment, action, next, current } = change;
  await writeDeployment(tx, tables, { flowId, environment }, current, next, actor, now);
  await recordHistory(tx, tables, change, actor, now);
  const numbers = await versionNumbers(tx, tables, [
    change.fromVersionId,
    next.versionId,
    next.splitVersionId,
  ]);
  const number = (id: string | null) => (id === null ? null : (numbers.get(id) ?? null));
  await recordAudit(
    tx,
    tables,
    actor,
    {
      action: `deployment.${action}`,
      targetType: 'deployment',
      targetId: `${flowId}/${environment}`,
      beforeId: change.fromVersionId,
      afterId: next.versionId,
      details: {
        environment,
        from: number(change.fromVersionId),
        to: number(next.versionId),
        split: number(next.splitVersionId),
        splitPercent: next.splitPercent,
      },
    },
    now,
  );
  return deploymentView(tx, tables, { flowId, environment, ...next, updatedBy: actor.id, updatedAt: now });
}

/** A deployment with version numbers in place of ids. */
export async function deploymentView(db: Db, tables: Tables, row: DeploymentRow): Promise<DeploymentView> {
  const numbers = await versionNumbers(db, tables, [row.versionId, row.splitVersionId]);
  const versionNumber = numbers.get(row.versionId);
  if (versionNumber === undefined) throw new Error(`deployed version "${row.versionId}" does not exist`);
  const splitNumber = row.splitVersionId === null ? undefined : numbers.get(row.splitVersionId);
  return {
    flowId: row.flowId,
    environment: row.environment,
    versionNumber,
    split: splitNumber === undefined ? null : { versionNumber: splitNumber, percent: row.splitPercent },
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}
