import { desc } from 'drizzle-orm';
import type { Db, Tables } from '../store/database.ts';
import { newId } from './clock.ts';
import type { Principal } from './principal.ts';

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  beforeId?: string | null;
  afterId?: string | null;
  details?: Record<string, unknown>;
};

let lastSeq = 0;

/**
 * Records one mutation: who, what, when, before/after ids. Call it inside the mutation's transaction so
 * the change and its record commit together. `details` must never hold secrets.
 */
export async function recordAudit(tx: Db, tables: Tables, actor: Principal, entry: AuditEntry, now: number) {
  // Ordered by time, then by a per-process counter for entries made in the same millisecond.
  lastSeq = Math.max(lastSeq + 1, now * 1000);
  await tx.insert(tables.auditLog).values({
    id: newId('aud'),
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    beforeId: entry.beforeId ?? null,
    afterId: entry.afterId ?? null,
    details: entry.details ?? {},
    createdAt: now,
    seq: lastSeq,
  });
}

/** The newest audit entries first. */
export async function listAudit(db: Db, tables: Tables, limit = 100) {
  return db.select().from(tables.auditLog).orderBy(desc(tables.auditLog.seq)).limit(limit);
}
