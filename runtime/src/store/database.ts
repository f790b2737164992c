import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { startCheckpointer } from './checkpointer.ts';
import { createGroupCommitter } from './group-commit.ts';
import * as pgSchema from './schema/pg.ts';
import * as sqliteSchema from './schema/sqlite.ts';

export type Dialect = 'sqlite' | 'pg';

/**
 * The type store code is written against. At run time it is either dialect's drizzle database: queries
 * are always awaited and never use the SQLite-only `.get()/.all()/.run()`, so one code path serves both.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof sqliteSchema>;
export type Tables = typeof sqliteSchema;

export type Database = {
  dialect: Dialect;
  /** For reads outside a transaction; every write goes through `transaction` (on SQLite `db` is read-only). */
  db: Db;
  tables: Tables;
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Inside a transaction: holds the conversation's row until commit (PostgreSQL); SQLite's write lock already does. */
  lockConversation(tx: Db, conversationId: string): Promise<void>;
  /**
   * Inside a transaction: holds `key` until commit, for work that has no row to lock yet (starting the one
   * conversation of a channel address). PostgreSQL takes an advisory lock; SQLite's write lock already does.
   */
  lockKey(tx: Db, key: string): Promise<void>;
  /** Resolves when the database answers a trivial query, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** `postgres://...` selects PostgreSQL; otherwise the SQLite file. */
  url?: string;
  /** SQLite file path, or `:memory:`. */
  file?: string;
};

const migrations = (dialect: Dialect) =>
  resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle', dialect);

function connectSqlite(file: string, readonly: boolean): BetterSqlite3.Database {
  const client = new BetterSqlite3(file, { readonly });
  if (!readonly) client.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every committed transaction across a process crash; only a power cut can
  // lose the last ones. `PARLEY_SQLITE_SYNC=FULL` trades throughput for that too.
  client.pragma(`synchronous = ${process.env.PARLEY_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  return client;
}

function openSqlite(file: string): Database {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
  const writer = connectSqlite(file, false);
  const writeDb = drizzleSqlite(writer, { schema: sqliteSchema });
  migrateSqlite(writeDb, { migrationsFolder: migrations('sqlite') });
  // An in-memory database has no WAL to checkpoint.
  const checkpointer = inMemory ? undefined : startCheckpointer(file, writer);
  // Reads outside a transaction use their own read-only connection: they see committed data only, never
  // the half-done work of a transaction that is awaiting something, and a write outside transaction()
  // fails loudly instead of slipping into someone else's transaction.
  const reader = inMemory ? writer : connectSqlite(file, true);
  const readDb = inMemory ? writeDb : drizzleSqlite(reader, { schema: sqliteSchema });
  const committer = createGroupCommitter(writer);
  return {
    dialect: 'sqlite',
    db: readDb as unknown as Db,
    tables: sqliteSchema,
    transaction: (fn) => committer.transaction(() => fn(writeDb as unknown as Db)),
    lockConversation: async () => {},
    lockKey: async () => {},
    ping: async () => {
      reader.prepare('select 1').get();
    },
    close: async () => {
      await committer.flush();
      await checkpointer?.stop();
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}

async function openPg(url: string): Promise<Database> {
  // bigint columns hold epoch milliseconds, well inside a double's exact range.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PARLEY_PG_POOL ?? 10) });
  // An idle connection the server drops (restart, failover) emits here; without a listener it would crash
  // the process. The pool discards that client and the next query opens a new one.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema: pgSchema });
  await migratePg(db, { migrationsFolder: migrations('pg') });
  const asDb = (handle: unknown) => handle as Db;
  return {
    dialect: 'pg',
    db: asDb(db),
    tables: pgSchema as unknown as Tables,
    transaction: (fn) => db.transaction((tx) => fn(asDb(tx))),
    lockConversation: async (tx, conversationId) => {
      await (tx as unknown as typeof db).execute(
        sql`select 1 from ${pgSchema.conversations} where ${pgSchema.conversations.id} = ${conversationId} for update`,
      );
    },
    lockKey: async (tx, key) => {
      await (tx as unknown as typeof db).execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`,
      );
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/** Opens (creating and migrating on first use) the database the options or environment name. */
export function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.PARLEY_DATABASE_URL;
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) return openPg(url);
  if (url)
    throw new Error(`PARLEY_DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:...")`);
  return Promise.resolve(openSqlite(options.file ?? process.env.PARLEY_DB ?? './data/parley.db'));
}

/** True when `error` is a unique or primary-key violation, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return true;
    }
  }
  return false;
}
