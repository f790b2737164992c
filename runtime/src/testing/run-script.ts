import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: scripts are named relative to it, as a user would type them. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${repoRoot}node_modules/.bin/tsx`;

export type ScriptRun = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a TypeScript entry point (e.g. `runtime/src/cli/main.ts`) in a real child process with `stdin`
 * piped in, the way a user or a script runs it. `env` replaces the environment when given (PATH is kept).
 */
export function runScript(
  script: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], {
      cwd: repoRoot,
      ...(options.env ? { env: { PATH: process.env.PATH, ...options.env } } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
