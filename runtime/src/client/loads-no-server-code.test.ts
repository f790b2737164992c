import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const runtimeDir = fileURLToPath(new URL('../../', import.meta.url));

// A module hook that writes down every module Node resolves, to see what importing the client pulls in.
const recorder = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.PARLEY_RECORD_FILE, result.url + '\\\\n');
  return result;
}\`));`)}`;

/** The package a module URL belongs to, `own:<path>` for the repository's source, null for Node's own. */
function origin(url: string): string | null {
  if (url.startsWith('node:')) return null;
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage?.[1]) return inPackage[1];
  return `own:${fileURLToPath(url).slice(runtimeDir.length)}`;
}

describe('@parley/runtime/client', { timeout: 60_000 }, () => {
  it('loads no server code: the router is a type only', async () => {
    const record = join(await mkdtemp(join(tmpdir(), 'parley-client-')), 'modules.txt');
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        recorder,
        '--input-type=module',
        '-e',
        "await import('./src/client/index.ts')",
      ],
      { cwd: runtimeDir, env: { ...process.env, PARLEY_RECORD_FILE: record } },
    );
    const loaded = new Set(
      (await readFile(record, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map(origin)
        .filter((name) => name !== null),
    );
    expect([...loaded].sort()).toEqual([
      '@trpc/client',
      '@trpc/server',
      'eventsource',
      'eventsource-parser',
      'own:src/client/create-parley-client.ts',
      'own:src/client/index.ts',
      'own:src/client/parley-links.ts',
      'own:src/client/sign-in.ts',
    ]);
  });
});
