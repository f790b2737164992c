import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { READY_MARK, type ReadyLine } from './ready-line.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ENTRY = resolve(here, 'child-server.ts');
/** The workspace root, where `tsx` resolves from. */
const ROOT = resolve(here, '../../../..');

export type ServerProcess = ReadyLine & {
  /** Resolves with the exit code (null when a signal ended it) once the process is gone. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Sends an IPC message (see crash-after-commit.ts). */
  tell(message: string): void;
  /** The process's last output lines, for failure messages. */
  output(): string;
};

/** Starts `child-server.ts` on `target` (SQLite file or PostgreSQL url) and resolves once it listens. */
export function startServerProcess(target: string, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, target], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 50) lines.shift();
  };
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', keep);

  return new Promise<ServerProcess>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child server did not start in ${startTimeoutMs} ms:\n${lines.join('\n')}`));
    }, startTimeoutMs);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the child server exited (${code}) before it was ready:\n${lines.join('\n')}`));
    });
    if (!child.stdout) throw new Error('the child server has no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(READY_MARK)) return keep(line);
      clearTimeout(timer);
      const ready = JSON.parse(line.slice(READY_MARK.length)) as ReadyLine;
      resolveReady({
        ...ready,
        exited,
        kill: (signal) => child.kill(signal),
        tell: (message) => child.send(message),
        output: () => lines.join('\n'),
      });
    });
  });
}
