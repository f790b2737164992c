import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';
import { newId } from '../clock.ts';
import type { ConversationReply, ConversationRow } from './conversation-types.ts';

/** Low-level reads and writes of the conversation tables; every write takes the turn's transaction. */

export type TranscriptEntry = { direction: 'user' | 'bot'; body: Record<string, unknown> };
export type AnalyticsEvent = { type: string; nodeId?: string | null; data?: Record<string, unknown> };

export async function loadConversation(
  db: Db,
  tables: Tables,
  id: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(tables.conversations).where(eq(tables.conversations.id, id));
  return row;
}

export async function insertTranscript(
  tx: Db,
  tables: Tables,
  conversationId: string,
  turn: number,
  entries: TranscriptEntry[],
  now: number,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(tables.messages).values(
    entries.map((entry, position) => ({
      id: newId('msg'),
      conversationId,
      turn,
      position,
      direction: entry.direction,
      body: entry.body,
      createdAt: now,
    })),
  );
}

export async function insertEvents(
  tx: Db,
  tables: Tables,
  row: Pick<ConversationRow, 'id' | 'flowId' | 'versionId'>,
  events: AnalyticsEvent[],
  now: number,
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(tables.events).values(
    events.map((event) => ({
      id: newId('evt'),
      conversationId: row.id,
      flowId: row.flowId,
      versionId: row.versionId,
      type: event.type,
      nodeId: event.nodeId ?? null,
      data: event.data ?? {},
      createdAt: now,
    })),
  );
}

export async function findReply(
  db: Db,
  tables: Tables,
  conversationId: string,
  messageId: string,
): Promise<ConversationReply | undefined> {
  const { turns } = tables;
  const [row] = await db
    .select({ reply: turns.reply })
    .from(turns)
    .where(and(eq(turns.conversationId, conversationId), eq(turns.messageId, messageId)));
  return row?.reply as ConversationReply | undefined;
}

export async function recordReply(
  tx: Db,
  tables: Tables,
  conversationId: string,
  messageId: string,
  turn: number,
  reply: ConversationReply,
  now: number,
): Promise<void> {
  await tx.insert(tables.turns).values({ conversationId, messageId, turn, reply, createdAt: now });
}

/** Creates or moves the conversation's one job of `kind`; a new id tells a runner holding the old one it was replaced. */
export async function scheduleJob(
  tx: Db,
  tables: Tables,
  conversationId: string,
  kind: 'no-input' | 'expire',
  runAt: number,
  now: number,
): Promise<void> {
  const { jobs } = tables;
  const fresh = { id: newId('job'), runAt, lockedUntil: null, attempts: 0, createdAt: now };
  await tx
    .insert(jobs)
    .values({ ...fresh, kind, conversationId })
    .onConflictDoUpdate({ target: [jobs.conversationId, jobs.kind], set: fresh });
}

export async function cancelJobs(
  tx: Db,
  tables: Tables,
  conversationId: string,
  kinds: ('no-input' | 'expire')[] = ['no-input', 'expire'],
): Promise<void> {
  const { jobs } = tables;
  await tx.delete(jobs).where(and(eq(jobs.conversationId, conversationId), inArray(jobs.kind, kinds)));
}

export async function jobExists(db: Db, tables: Tables, jobId: string): Promise<boolean> {
  const [row] = await db.select({ id: tables.jobs.id }).from(tables.jobs).where(eq(tables.jobs.id, jobId));
  return row !== undefined;
}
