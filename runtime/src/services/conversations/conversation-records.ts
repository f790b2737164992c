import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';
import { preparedQuery } from '../../store/prepared-query.ts';
import { newId } from '../clock.ts';
import type { ConversationReply, ConversationRow } from './conversation-types.ts';

/**
 * Low-level reads and writes of the conversation tables; every write takes the turn's transaction. Each
 * turn runs these, so they are prepared queries (built once per connection, see prepared-query.ts): their
 * values are placeholders, filled in by `execute`.
 */

export type TranscriptEntry = { direction: 'user' | 'bot'; body: Record<string, unknown> };
export type AnalyticsEvent = { type: string; nodeId?: string | null; data?: Record<string, unknown> };

const p = (name: string) => sql.placeholder(name);

const selectConversation = preparedQuery((db, tables) =>
  db
    .select()
    .from(tables.conversations)
    .where(eq(tables.conversations.id, p('id'))),
);

export async function loadConversation(
  db: Db,
  tables: Tables,
  id: string,
): Promise<ConversationRow | undefined> {
  const [row] = await selectConversation(db, tables, { id });
  return row;
}

/**
 * A placeholder where drizzle's types want a value: it fills and encodes placeholders in `set` as in
 * `values` (JSON columns included), its types just do not say so.
 */
const later = <T>(name: string) => sql.placeholder(name) as unknown as T;

export type TurnUpdate = Pick<
  ConversationRow,
  'snapshot' | 'node' | 'status' | 'resolution' | 'turns' | 'updatedAt' | 'expiresAt'
>;

/** Moves a conversation on by one turn, only from where the turn started (its turn count and status). */
const advanceConversation = preparedQuery((db, { conversations: c }) =>
  db
    .update(c)
    .set({
      snapshot: later<TurnUpdate['snapshot']>('snapshot'),
      node: later<TurnUpdate['node']>('node'),
      status: later<TurnUpdate['status']>('status'),
      resolution: later<TurnUpdate['resolution']>('resolution'),
      turns: later<number>('turns'),
      updatedAt: later<number>('updatedAt'),
      expiresAt: later<number>('expiresAt'),
    })
    .where(and(eq(c.id, p('id')), eq(c.turns, p('fromTurns')), eq(c.status, p('fromStatus'))))
    .returning({ id: c.id }),
);

/**
 * Writes what a turn changed in the conversation row, if no other turn (another instance's) committed
 * since `from` was read; returns false, writing nothing, when one did. One statement checks and writes:
 * on PostgreSQL it also takes the row lock, and a concurrent turn's update makes it match nothing.
 */
export async function saveTurn(
  tx: Db,
  tables: Tables,
  from: Pick<ConversationRow, 'id' | 'turns' | 'status'>,
  update: TurnUpdate,
): Promise<boolean> {
  const moved = await advanceConversation(tx, tables, {
    ...update,
    id: from.id,
    fromTurns: from.turns,
    fromStatus: from.status,
  });
  return moved.length === 1;
}

/** One insert of `rows` transcript rows; the placeholders of row i end in i. */
const insertMessages = preparedQuery((db, { messages }, rows) =>
  db.insert(messages).values(
    Array.from({ length: rows }, (_, i) => ({
      conversationId: p('conversationId'),
      turn: p('turn'),
      position: i,
      direction: p(`direction${i}`),
      body: p(`body${i}`),
      createdAt: p('now'),
    })),
  ),
);

export async function insertTranscript(
  tx: Db,
  tables: Tables,
  conversationId: string,
  turn: number,
  entries: TranscriptEntry[],
  now: number,
): Promise<void> {
  if (entries.length === 0) return;
  const values: Record<string, unknown> = { conversationId, turn, now };
  entries.forEach((entry, i) => {
    values[`direction${i}`] = entry.direction;
    values[`body${i}`] = entry.body;
  });
  await insertMessages(tx, tables, values, entries.length);
}

const insertEventRows = preparedQuery((db, { events }, rows) =>
  db.insert(events).values(
    Array.from({ length: rows }, (_, i) => ({
      conversationId: p('conversationId'),
      flowId: p('flowId'),
      versionId: p('versionId'),
      type: p(`type${i}`),
      nodeId: p(`nodeId${i}`),
      data: p(`data${i}`),
      createdAt: p('now'),
    })),
  ),
);

export async function insertEvents(
  tx: Db,
  tables: Tables,
  row: Pick<ConversationRow, 'id' | 'flowId' | 'versionId'>,
  events: AnalyticsEvent[],
  now: number,
): Promise<void> {
  if (events.length === 0) return;
  const values: Record<string, unknown> = {
    conversationId: row.id,
    flowId: row.flowId,
    versionId: row.versionId,
    now,
  };
  events.forEach((event, i) => {
    values[`type${i}`] = event.type;
    values[`nodeId${i}`] = event.nodeId ?? null;
    values[`data${i}`] = event.data ?? {};
  });
  await insertEventRows(tx, tables, values, events.length);
}

const selectReply = preparedQuery((db, { turns }) =>
  db
    .select({ reply: turns.reply })
    .from(turns)
    .where(and(eq(turns.conversationId, p('conversationId')), eq(turns.messageId, p('messageId')))),
);

export async function findReply(
  db: Db,
  tables: Tables,
  conversationId: string,
  messageId: string,
): Promise<ConversationReply | undefined> {
  const [row] = await selectReply(db, tables, { conversationId, messageId });
  return row?.reply as ConversationReply | undefined;
}

const insertReply = preparedQuery((db, { turns }) =>
  db.insert(turns).values({
    conversationId: p('conversationId'),
    messageId: p('messageId'),
    turn: p('turn'),
    reply: p('reply'),
    createdAt: p('now'),
  }),
);

export async function recordReply(
  tx: Db,
  tables: Tables,
  conversationId: string,
  messageId: string,
  turn: number,
  reply: ConversationReply,
  now: number,
): Promise<void> {
  await insertReply(tx, tables, { conversationId, messageId, turn, reply, now });
}

/** The value the conflicting insert proposed for `column` (`excluded` is the same in SQLite and PostgreSQL). */
const proposed = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);

const upsertJob = preparedQuery((db, { jobs }) =>
  db
    .insert(jobs)
    .values({
      id: p('id'),
      kind: p('kind'),
      conversationId: p('conversationId'),
      runAt: p('runAt'),
      lockedUntil: null,
      attempts: 0,
      createdAt: p('now'),
    })
    .onConflictDoUpdate({
      target: [jobs.conversationId, jobs.kind],
      set: {
        id: proposed(jobs.id),
        runAt: proposed(jobs.runAt),
        lockedUntil: null,
        attempts: 0,
        createdAt: proposed(jobs.createdAt),
      },
    }),
);

/** Creates or moves the conversation's one job of `kind`; a new id tells a runner holding the old one it was replaced. */
export async function scheduleJob(
  tx: Db,
  tables: Tables,
  conversationId: string,
  kind: 'no-input' | 'expire',
  runAt: number,
  now: number,
): Promise<void> {
  await upsertJob(tx, tables, { id: newId('job'), runAt, now, kind, conversationId });
}

const deleteJobs = preparedQuery((db, { jobs }) =>
  db.delete(jobs).where(eq(jobs.conversationId, p('conversationId'))),
);
const deleteJobOfKind = preparedQuery((db, { jobs }) =>
  db.delete(jobs).where(and(eq(jobs.conversationId, p('conversationId')), eq(jobs.kind, p('kind')))),
);

export async function cancelJobs(
  tx: Db,
  tables: Tables,
  conversationId: string,
  kinds: ('no-input' | 'expire')[] = ['no-input', 'expire'],
): Promise<void> {
  if (kinds.includes('no-input') && kinds.includes('expire')) {
    await deleteJobs(tx, tables, { conversationId });
    return;
  }
  for (const kind of kinds) await deleteJobOfKind(tx, tables, { conversationId, kind });
}

const selectJob = preparedQuery((db, { jobs }) =>
  db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.id, p('id'))),
);

export async function jobExists(db: Db, tables: Tables, jobId: string): Promise<boolean> {
  const [row] = await selectJob(db, tables, { id: jobId });
  return row !== undefined;
}
