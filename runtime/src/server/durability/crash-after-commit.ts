import { count } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';

/** The IPC message that arms the crash. */
export const CRASH_AFTER_COMMIT = 'crash-after-commit';

/**
 * Lets a crash test kill the server at the worst moment for a connector: a turn has committed, its answer
 * is not sent yet. Once armed, the first transaction after which the `turns` table has grown kills the
 * process (SIGKILL) before the turn's caller resumes. Other transactions (timer claims) pass.
 */
export function withCrashAfterCommit(database: Database): { database: Database; arm(): Promise<void> } {
  let turnsWhenArmed: number | null = null;
  const turns = async () => {
    const [row] = await database.db.select({ n: count() }).from(database.tables.turns);
    return Number(row?.n ?? 0);
  };
  return {
    database: {
      ...database,
      async transaction(fn) {
        const result = await database.transaction(fn);
        if (turnsWhenArmed !== null && (await turns()) > turnsWhenArmed) process.kill(process.pid, 'SIGKILL');
        return result;
      },
    },
    async arm() {
      turnsWhenArmed = await turns();
    },
  };
}
