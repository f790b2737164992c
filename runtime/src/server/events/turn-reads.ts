import type { BotMessage, UserEvent } from '@parley/shared';
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  type ConversationEvent,
  type ConversationTurnEvent,
  type Cursor,
  isAfter,
} from './conversation-event.ts';

/*
 * Live events are read from the committed transcript, never taken from memory: a stream on any instance,
 * a reconnecting client and a stream catching up after a lost notice all see the same thing.
 */

export type ConversationHead = Awaited<ReturnType<typeof readConversationHead>>;

/** The conversation as events describe it; undefined when there is none. */
export async function readConversationHead({ db, tables }: Database, conversationId: string) {
  const c = tables.conversations;
  const [head] = await db
    .select({
      id: c.id,
      flowId: c.flowId,
      environment: c.environment,
      version: tables.flowVersions.number,
      channel: c.channel,
      locale: c.locale,
      status: c.status,
      resolution: c.resolution,
      turns: c.turns,
      updatedAt: c.updatedAt,
    })
    .from(c)
    .innerJoin(tables.flowVersions, eq(tables.flowVersions.id, c.versionId))
    .where(eq(c.id, conversationId));
  return head;
}

type MessageRow = {
  turn: number;
  direction: 'user' | 'bot';
  body: Record<string, unknown>;
  createdAt: number;
};

/** A turn's events: the start before the opening turn, the end after the last turn of an ended conversation. */
function eventsOfTurn(
  head: NonNullable<ConversationHead>,
  turn: number,
  rows: MessageRow[],
): ConversationEvent[] {
  const base = {
    conversationId: head.id,
    flowId: head.flowId,
    environment: head.environment,
    version: head.version,
    turn,
    // A turn's messages share its time; a timer turn that said nothing has none, and is then the latest.
    at: rows[0]?.createdAt ?? head.updatedAt,
  };
  // Stored bodies were validated before they were written.
  const user = rows.find((row) => row.direction === 'user')?.body as UserEvent | undefined;
  const messages = rows.filter((row) => row.direction === 'bot').map((row) => row.body as BotMessage);
  const said: ConversationTurnEvent = { ...base, type: 'turn', user: user ?? null, messages };
  const events: ConversationEvent[] = [];
  if (turn === 0)
    events.push({ ...base, type: 'conversation.started', channel: head.channel, locale: head.locale });
  events.push(said);
  if (head.status === 'ended' && turn === head.turns - 1)
    events.push({ ...base, type: 'conversation.ended', resolution: head.resolution });
  return events;
}

/**
 * The conversation as it is now and its events after `cursor` (all of them without one); `head` is
 * undefined when there is no such conversation. The head is read first and bounds the transcript read,
 * so a turn committing in between is left for the next read.
 */
export async function readConversationEvents(
  database: Database,
  conversationId: string,
  cursor: Cursor | undefined,
): Promise<{ head: ConversationHead; events: ConversationEvent[] }> {
  const head = await readConversationHead(database, conversationId);
  if (!head) return { head, events: [] };
  const from = cursor?.turn ?? 0;
  if (from >= head.turns) return { head, events: [] };
  const m = database.tables.messages;
  const rows = await database.db
    .select({ turn: m.turn, direction: m.direction, body: m.body, createdAt: m.createdAt })
    .from(m)
    .where(and(eq(m.conversationId, conversationId), gte(m.turn, from), lt(m.turn, head.turns)))
    .orderBy(asc(m.turn), asc(m.position));
  const byTurn = new Map<number, MessageRow[]>();
  for (const row of rows) byTurn.set(row.turn, [...(byTurn.get(row.turn) ?? []), row]);
  const events: ConversationEvent[] = [];
  for (let turn = from; turn < head.turns; turn++) {
    for (const event of eventsOfTurn(head, turn, byTurn.get(turn) ?? [])) {
      if (isAfter(event, cursor)) events.push(event);
    }
  }
  return { head, events };
}

/** A flow (and optionally some of its environments) whose turns a stream follows. */
export type FlowFilter = { flowId: string; environments?: string[] | undefined };

/** Where a page of `readFlowTurns` ended, to ask for the next one. */
export type TurnKey = { at: number; conversationId: string; turn: number };

/**
 * The flow's turns that said something at or after `since`, oldest first, at most `limit`; pass the last
 * key of a page as `after` for the next one.
 */
export async function readFlowTurns(
  database: Database,
  filter: FlowFilter,
  since: number,
  limit: number,
  after?: TurnKey,
): Promise<TurnKey[]> {
  const { db, tables } = database;
  const m = tables.messages;
  const c = tables.conversations;
  if (filter.environments?.length === 0) return [];
  const conditions: SQL[] = [eq(c.flowId, filter.flowId), gte(m.createdAt, since)];
  if (filter.environments) conditions.push(inArray(c.environment, filter.environments));
  // A row-value comparison: standard SQL, in both SQLite and PostgreSQL.
  if (after)
    conditions.push(
      sql`(${m.createdAt}, ${m.conversationId}, ${m.turn}) > (${after.at}, ${after.conversationId}, ${after.turn})`,
    );
  return db
    .selectDistinct({ at: m.createdAt, conversationId: m.conversationId, turn: m.turn })
    .from(m)
    .innerJoin(c, eq(c.id, m.conversationId))
    .where(and(...conditions))
    .orderBy(asc(m.createdAt), asc(m.conversationId), asc(m.turn))
    .limit(limit);
}

/** Whether the flow exists (deleted flows included: their conversations may still be going). */
export async function flowExists({ db, tables }: Database, flowId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tables.flows.id })
    .from(tables.flows)
    .where(eq(tables.flows.id, flowId));
  return row !== undefined;
}
