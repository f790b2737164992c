import type { Database } from '../../../store/database.ts';
import type { Clock } from '../../clock.ts';
import { createAuthService } from '../auth-service.ts';

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2030, 0, 1, 9)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

export function openAuth(database: Database, sessionTtlMs?: number) {
  const clock = manualClock();
  const auth = createAuthService({ database, clock, ...(sessionTtlMs ? { sessionTtlMs } : {}) });
  return { auth, clock };
}

/** Every audit row, serialised, to search for things that must never be there. */
export async function auditText(database: Database): Promise<string> {
  const rows = await database.db.select().from(database.tables.auditLog);
  return JSON.stringify(rows);
}

/** Every stored password hash, token hash and key hash: none may appear in the audit log. */
export async function storedHashes(database: Database): Promise<string[]> {
  const { db, tables } = database;
  const users = await db.select({ hash: tables.users.passwordHash }).from(tables.users);
  const sessions = await db.select({ hash: tables.sessions.tokenHash }).from(tables.sessions);
  const keys = await db.select({ hash: tables.apiKeys.keyHash }).from(tables.apiKeys);
  return [...users, ...sessions, ...keys].map(({ hash }) => hash);
}

export async function auditActions(database: Database, targetId: string): Promise<string[]> {
  const rows = await database.db.select().from(database.tables.auditLog);
  return rows
    .filter((row) => row.targetId === targetId)
    .sort((a, b) => a.seq - b.seq)
    .map((row) => row.action);
}
