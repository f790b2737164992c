import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, type Dialect, openDatabase } from './database.ts';
import { createPostgresDatabase } from './testing/test-databases.ts';

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** A copy of `dialect`'s migrations holding only the first, the schema stores were created with before. */
function firstMigrationOnly(dialect: Dialect, dir: string): string {
  const folder = join(dir, dialect);
  cpSync(join(MIGRATIONS, dialect), folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  return folder;
}

/** The transcript and analytics of one turn, as the first schema stored them (text ids). */
const OLD_ROWS = [
  `insert into messages (id, conversation_id, turn, position, direction, body, created_at) values
     ('msg_b', 'conv_1', 0, 1, 'bot', '{"type":"text","text":"Hello"}', 1000),
     ('msg_a', 'conv_1', 0, 0, 'user', '{"type":"user.message","text":"hi"}', 1000)`,
  `insert into events (id, conversation_id, flow_id, version_id, type, node_id, data, created_at) values
     ('evt_z', 'conv_1', 'flow_1', 'v1', 'conversation.started', null, '{}', 1000),
     ('evt_a', 'conv_1', 'flow_1', 'v1', 'node.entered', 'greet', '{}', 1001)`,
];

type Store = { open(): Promise<Database>; drop(): Promise<void> };

async function sqliteStoreAtFirstSchema(dir: string): Promise<Store> {
  const file = join(dir, 'parley.db');
  const client = new BetterSqlite3(file);
  migrateSqlite(drizzleSqlite(client), { migrationsFolder: firstMigrationOnly('sqlite', dir) });
  for (const statement of OLD_ROWS) client.exec(statement);
  client.close();
  return { open: () => openDatabase({ file }), drop: async () => {} };
}

async function pgStoreAtFirstSchema(dir: string): Promise<Store> {
  const created = await createPostgresDatabase('parley_migrate');
  const pool = new pg.Pool({ connectionString: created.url });
  await migratePg(drizzlePg(pool), { migrationsFolder: firstMigrationOnly('pg', dir) });
  for (const statement of OLD_ROWS) await pool.query(statement);
  await pool.end();
  return { open: () => openDatabase({ url: created.url }), drop: created.drop };
}

describe.each([
  { dialect: 'sqlite', atFirstSchema: sqliteStoreAtFirstSchema },
  { dialect: 'pg', atFirstSchema: pgStoreAtFirstSchema },
])('upgrading a $dialect store made by the first schema', ({ atFirstSchema }) => {
  let dir: string;
  let store: Store | undefined;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every transcript message and analytics event, and numbers the events in order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
    store = await atFirstSchema(dir);
    database = await store.open();
    const { db, tables, transaction } = database;
    const transcript = await db
      .select()
      .from(tables.messages)
      .orderBy(asc(tables.messages.turn), asc(tables.messages.position));
    expect(transcript.map((m) => [m.conversationId, m.turn, m.position, m.direction, m.body])).toEqual([
      ['conv_1', 0, 0, 'user', { type: 'user.message', text: 'hi' }],
      ['conv_1', 0, 1, 'bot', { type: 'text', text: 'Hello' }],
    ]);
    const events = await db.select().from(tables.events).orderBy(asc(tables.events.id));
    expect(events.map((e) => [e.id, e.type, e.nodeId])).toEqual([
      [1, 'conversation.started', null],
      [2, 'node.entered', 'greet'],
    ]);

    // The upgraded tables take new rows: events numbered on, a message's place in the transcript unique.
    const message = { conversationId: 'conv_1', turn: 1, position: 0, direction: 'user' as const };
    await transaction(async (tx) => {
      await tx
        .insert(tables.messages)
        .values({ ...message, body: { type: 'text', text: 'x' }, createdAt: 2000 });
      await tx.insert(tables.events).values({
        conversationId: 'conv_1',
        flowId: 'flow_1',
        versionId: 'v1',
        type: 'turn',
        data: {},
        createdAt: 2000,
      });
    });
    expect((await db.select().from(tables.events).orderBy(asc(tables.events.id))).at(-1)?.id).toBe(3);
    await expect(
      transaction((tx) =>
        tx.insert(tables.messages).values({ ...message, body: { type: 'text', text: 'y' }, createdAt: 2001 }),
      ),
    ).rejects.toThrow();
  });
});
