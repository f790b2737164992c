import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

export type CheckpointerOptions = {
  /** How often the WAL is copied back into the database file. */
  intervalMs?: number;
  /** A WAL longer than this (in pages) is truncated even under load. */
  maxWalPages?: number;
};

export type Checkpointer = { stop(): Promise<void> };

/**
 * Moves SQLite's WAL checkpoints off the request path: the writer stops checkpointing on commit
 * (`wal_autocheckpoint = 0`, which otherwise makes every thousandth commit copy the WAL and fsync, a
 * ~5 ms p99) and a worker thread with its own connection checkpoints periodically instead. Crash safety
 * is unchanged: committed frames are durable in the WAL whether or not they were copied yet. Should the
 * worker fail, the writer checkpoints by itself again, so the WAL never grows without bound.
 */
export function startCheckpointer(
  file: string,
  writer: BetterSqlite3.Database,
  options: CheckpointerOptions = {},
): Checkpointer {
  writer.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, intervalMs: options.intervalMs ?? 100, maxWalPages: options.maxWalPages ?? 10_000 },
  });
  // The worker must not keep a process alive that forgot to close its database.
  worker.unref();
  let stopped = false;
  const exited = once(worker, 'exit').catch(() => undefined);
  worker.on('error', () => {
    if (!stopped && writer.open) writer.pragma('wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      // Unreferenced, the worker alone would not keep the process alive until it exits, and a script
      // whose last work is closing the database would end before the close resolved.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
