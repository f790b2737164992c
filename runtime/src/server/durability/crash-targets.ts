import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../../store/testing/test-databases.ts';

/** A database a child server can be pointed at by one string, and removed afterwards. */
export type CrashTarget = { location: string; remove(): Promise<void> };

function sqliteTarget(): Promise<CrashTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  return Promise.resolve({
    location: join(dir, 'parley.db'),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  });
}

async function postgresTarget(): Promise<CrashTarget> {
  const created = await createPostgresDatabase('parley_crash');
  return { location: created.url, remove: created.drop };
}

export const crashTargets = [
  { dialect: 'sqlite', create: sqliteTarget },
  { dialect: 'pg', create: postgresTarget },
] as const;
