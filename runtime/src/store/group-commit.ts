import type BetterSqlite3 from 'better-sqlite3';
import { Mutex } from './mutex.ts';

/** Transactions whose commit waits beyond this many are committed at once. */
export const MAX_GROUP = 128;
/**
 * A group open this long commits when its current transaction ends: under a burst of requests the loop
 * does not come round until all of them ran their turns, and the first would wait for the last (p99 of
 * a turn inside the server 30 ms -> 8 ms at 1,000 turns/s, `pnpm bench durable`; throughput unchanged).
 */
export const MAX_GROUP_MS = 4;

type Member = { resolve: () => void; reject: (error: unknown) => void };

export type GroupCommitter = {
  /** Runs `fn` in a savepoint of the open group transaction; resolves with its result once that commits. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Commits what is pending; later transactions still work. */
  flush(): Promise<void>;
};

/**
 * Transactions on SQLite's one writer connection, committed in groups. A commit is the costly part of a
 * small transaction (the WAL append and its bookkeeping, ~150 µs here against ~10 µs for a savepoint), so
 * every transaction that finishes within one turn of the event loop shares one commit: each runs in its
 * own savepoint (a failure rolls back that one alone), and the group commits when the loop comes round
 * (setImmediate), when it reaches MAX_GROUP, or when it has been open MAX_GROUP_MS. Nobody hears of
 * success before the commit: a caller's promise resolves after COMMIT returned, and rejects if it failed,
 * so what is acknowledged is durable.
 *
 * better-sqlite3 is synchronous and a transaction's work may await, so transactions take turns through a
 * FIFO mutex, and the group commit takes its turn through the same mutex.
 */
export function createGroupCommitter(writer: BetterSqlite3.Database): GroupCommitter {
  const mutex = new Mutex();
  let group: Member[] = [];
  let openedAt = 0;
  let scheduled = false;

  function rejectGroup(error: unknown): void {
    const failed = group;
    group = [];
    for (const member of failed) member.reject(error);
  }

  function commitGroup(): void {
    if (writer.inTransaction) {
      try {
        writer.exec('COMMIT');
      } catch (error) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        rejectGroup(error);
        return;
      }
    }
    const committed = group;
    group = [];
    for (const member of committed) member.resolve();
  }

  const flush = () =>
    mutex.run(async () => {
      scheduled = false;
      commitGroup();
    });

  function scheduleCommit(): void {
    if (group.length >= MAX_GROUP || performance.now() - openedAt >= MAX_GROUP_MS) {
      commitGroup();
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  return {
    flush,
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        void mutex.run(async () => {
          try {
            if (!writer.inTransaction) {
              writer.exec('BEGIN IMMEDIATE');
              openedAt = performance.now();
            }
            writer.exec('SAVEPOINT parley_tx');
          } catch (error) {
            reject(error);
            return;
          }
          let result: T;
          try {
            result = await fn();
          } catch (error) {
            if (writer.inTransaction) {
              writer.exec('ROLLBACK TO parley_tx');
              writer.exec('RELEASE parley_tx');
            } else {
              // SQLite rolled the whole transaction back (disk full, I/O error): the group's work is gone too.
              rejectGroup(error);
            }
            reject(error);
            scheduleCommit();
            return;
          }
          try {
            writer.exec('RELEASE parley_tx');
          } catch (error) {
            // The savepoint's work can no longer be told apart from the group's: none of it is kept.
            if (writer.inTransaction) writer.exec('ROLLBACK');
            rejectGroup(error);
            reject(error);
            return;
          }
          group.push({ resolve: () => resolve(result), reject });
          scheduleCommit();
        });
      });
    },
  };
}
