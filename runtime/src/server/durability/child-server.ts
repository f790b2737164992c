/**
 * The real runtime server as a child process for crash tests:
 * `node --import tsx child-server.ts <sqlite file | postgres:// url> [port]`.
 * Seeds the fixture on first run, listens (port 0 = any), then prints one ready line (READY_MARK + JSON).
 * SIGTERM closes it gracefully; SIGKILL is what the tests use to crash it, or, over IPC, CRASH_AFTER_COMMIT
 * (crash-after-commit.ts) to have it kill itself between a turn's commit and its answer.
 */
import { createLogger } from '../logger.ts';
import { CRASH_AFTER_COMMIT, withCrashAfterCommit } from './crash-after-commit.ts';
import { READY_MARK, type ReadyLine } from './ready-line.ts';
import { startDurableServer } from './start-durable-server.ts';

async function main(): Promise<void> {
  const [target, port = '0'] = process.argv.slice(2);
  if (!target) throw new Error('usage: child-server.ts <sqlite file | postgres:// url> [port]');
  let crash: ReturnType<typeof withCrashAfterCommit> | undefined;
  const { server, url, flowId, apiKey } = await startDurableServer({
    target,
    logger: createLogger('warn'),
    port: Number(port),
    wrapDatabase: (database) => {
      crash = withCrashAfterCommit(database);
      return crash.database;
    },
  });
  process.on('message', (message) => {
    if (message === CRASH_AFTER_COMMIT) void crash?.arm();
  });
  const ready: ReadyLine = { url, pid: process.pid, flowId, apiKey };
  process.stdout.write(`${READY_MARK}${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(`child server could not start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
