import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_PG_URL } from '../../store/testing/test-databases.ts';

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
  const name = `parley_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    remove: async () => {
      const cleanup = new pg.Client({ connectionString: TEST_PG_URL });
      await cleanup.connect();
      // A closed pool's connections linger a moment; dropping under them would surface their FATAL errors.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await cleanup.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const crashTargets = [
  { dialect: 'sqlite', create: sqliteTarget },
  { dialect: 'pg', create: postgresTarget },
] as const;
