// Runs in a worker thread (plain JavaScript: workers do not go through the TypeScript loader). It copies
// the SQLite WAL back into the database file on its own connection, so the writer's commits never pay for
// a checkpoint and the event loop never waits for one. See `checkpointer.ts`.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/** @type {{ file: string, intervalMs: number, maxWalPages: number }} */
const { file, intervalMs, maxWalPages } = workerData;
const connection = new BetterSqlite3(file);
// TRUNCATE needs the write lock for a moment; a writer holding it is waited for, not failed.
connection.pragma('busy_timeout = 5000');
connection.pragma('wal_autocheckpoint = 0');

/** @param {'PASSIVE' | 'TRUNCATE'} mode */
const checkpoint = (mode) => {
  const [result] = connection.pragma(`wal_checkpoint(${mode})`);
  return result;
};

let previousLog = -1;
const tick = () => {
  // PASSIVE never waits: it copies what no reader still needs and leaves the rest for the next tick.
  const { log, checkpointed } = checkpoint('PASSIVE');
  const idle = log > 0 && log === checkpointed && log === previousLog;
  // Idle (nothing written since the last tick), or a WAL readers kept from restarting: shrink it to nothing.
  if (idle || log > maxWalPages) checkpoint('TRUNCATE');
  previousLog = idle ? 0 : log;
};

const timer = setInterval(() => {
  try {
    tick();
  } catch (error) {
    clearInterval(timer);
    connection.close();
    throw error;
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    checkpoint('PASSIVE');
  } finally {
    connection.close();
    parentPort?.close();
  }
});
