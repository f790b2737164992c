import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../database.ts';

/** The PostgreSQL server tests use; `.ci/run` makes sure it is up. Tests fail, never skip, without it. */
export const TEST_PG_URL = process.env.PARLEY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = {
  database: Database;
  /** Closes the database and opens it again, as a restarted runtime would; `database` is the new handle. */
  reopen(): Promise<Database>;
  drop(): Promise<void>;
};

/** A fresh SQLite file in a temporary folder. */
export async function freshSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  const file = join(dir, 'parley.db');
  const handle: TestDatabase = {
    database: await openDatabase({ file }),
    reopen: async () => {
      await handle.database.close();
      handle.database = await openDatabase({ file });
      return handle.database;
    },
    drop: async () => {
      await handle.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** An empty PostgreSQL database on the test server: its URL, and a way to drop it. */
export async function createPostgresDatabase(
  prefix = 'parley_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is required for the store tests at ${TEST_PG_URL}: ${error.message}`);
  });
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: TEST_PG_URL });
      await cleanup.connect();
      // pg's pool.end() resolves before its connections have closed; forcing the drop at once would kill
      // them, and their FATAL error would surface in the test run as an unhandled error.
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

/** A fresh PostgreSQL database on the test server, dropped afterwards. */
export async function freshPostgres(): Promise<TestDatabase> {
  const created = await createPostgresDatabase();
  const handle: TestDatabase = {
    database: await openDatabase({ url: created.url }),
    reopen: async () => {
      await handle.database.close();
      handle.database = await openDatabase({ url: created.url });
      return handle.database;
    },
    drop: async () => {
      await handle.database.close();
      await created.drop();
    },
  };
  return handle;
}

export const testDatabases = [
  { dialect: 'sqlite', open: freshSqlite },
  { dialect: 'pg', open: freshPostgres },
] as const;
