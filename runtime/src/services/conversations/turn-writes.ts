import type { BotMessage, FlowSettings, UserEvent } from '@parley/shared';
import { eq } from 'drizzle-orm';
import type { TurnResult } from '../../engine/index.ts';
import type { Db, Tables } from '../../store/database.ts';
import {
  type AnalyticsEvent,
  cancelJobs,
  insertEvents,
  insertTranscript,
  recordReply,
  saveTurn,
  scheduleJob,
  type TranscriptEntry,
  type TurnUpdate,
} from './conversation-records.ts';
import type { ConversationReply, ConversationRow } from './conversation-types.ts';

/*
 * The writes of one start, turn or end. Each runs inside the caller's transaction, so a turn's
 * snapshot, transcript, idempotency row, analytics events and timers commit together or not at all.
 */

type Timers = {
  conversationId: string;
  ended: boolean;
  settings: FlowSettings;
  now: number;
  /** The first idle deadline, at the start; later turns move `conversations.expiresAt` only. */
  expiresAt?: number;
};

/** While the conversation waits, a no-input reminder (when the flow has one) and its expiry are scheduled. */
async function rescheduleTimers(tx: Db, tables: Tables, timers: Timers): Promise<void> {
  const { conversationId, ended, settings, now, expiresAt } = timers;
  if (ended) return cancelJobs(tx, tables, conversationId);
  if (settings.noInputTimeoutSeconds) {
    await scheduleJob(
      tx,
      tables,
      conversationId,
      'no-input',
      now + settings.noInputTimeoutSeconds * 1000,
      now,
    );
  }
  // Without reminders there is no no-input job to cancel: a conversation keeps its version (and so its
  // settings) for life, and only a version with reminders schedules one.
  if (expiresAt !== undefined) await scheduleJob(tx, tables, conversationId, 'expire', expiresAt, now);
}

/** Analytics for the node the conversation rests at and, when the flow ended, its resolution. */
function outcomeEvents(previousNode: string | null, result: TurnResult): AnalyticsEvent[] {
  const events: AnalyticsEvent[] = [];
  // The engine reports where a turn came to rest, not the nodes it passed through.
  if (result.node && result.node !== previousNode) events.push({ type: 'node.entered', nodeId: result.node });
  if (result.conversation.status === 'ended') {
    events.push({ type: 'conversation.ended', nodeId: result.node, data: { resolution: result.resolution } });
  }
  return events;
}

const botEntries = (messages: BotMessage[]): TranscriptEntry[] =>
  messages.map((message) => ({ direction: 'bot', body: message }));

const userEntries = (event: UserEvent | undefined): TranscriptEntry[] =>
  event ? [{ direction: 'user', body: event }] : [];

export type StartWrite = {
  row: Omit<ConversationRow, 'snapshot' | 'node' | 'resolution' | 'status' | 'turns' | 'updatedAt'>;
  result: TurnResult;
  reply: ConversationReply;
  settings: FlowSettings;
  /** Set when a channel's first message started the conversation: it is kept and answered by the start. */
  trigger?: { event: UserEvent; messageId: string };
  startedData: Record<string, unknown>;
};

/** Writes a new conversation and its opening turn; returns the conversation's row as stored. */
export async function writeStart(tx: Db, tables: Tables, write: StartWrite): Promise<ConversationRow> {
  const { row, result, reply, settings, trigger } = write;
  const now = row.createdAt;
  const ended = result.conversation.status === 'ended';
  const stored: ConversationRow = {
    ...row,
    status: result.conversation.status,
    snapshot: result.conversation.snapshot,
    node: result.node,
    resolution: result.resolution,
    turns: 1,
    updatedAt: now,
  };
  await tx.insert(tables.conversations).values(stored);
  await insertTranscript(
    tx,
    tables,
    row.id,
    0,
    [...userEntries(trigger?.event), ...botEntries(result.messages)],
    now,
  );
  if (trigger) await recordReply(tx, tables, row.id, trigger.messageId, 0, reply, now);
  await insertEvents(
    tx,
    tables,
    row,
    [{ type: 'conversation.started', data: write.startedData }, ...outcomeEvents(null, result)],
    now,
  );
  await rescheduleTimers(tx, tables, {
    conversationId: row.id,
    ended,
    settings,
    now,
    expiresAt: row.expiresAt,
  });
  return stored;
}

export type TurnWrite = {
  row: ConversationRow;
  result: TurnResult;
  reply: ConversationReply;
  settings: FlowSettings;
  /** The end user's event and its message id; absent for timer turns. */
  user?: { event: UserEvent; messageId: string };
  eventType: UserEvent['type'];
  now: number;
  expiresAt: number;
};

/**
 * Writes one turn of a conversation; returns the conversation's row as it now stands, or null, having
 * written nothing, when another turn committed since `write.row` was read.
 */
export async function writeTurn(tx: Db, tables: Tables, write: TurnWrite): Promise<ConversationRow | null> {
  const { row, result, reply, settings, user, now } = write;
  const turn = row.turns;
  const ended = result.conversation.status === 'ended';
  const update: TurnUpdate = {
    snapshot: result.conversation.snapshot,
    node: result.node,
    status: result.conversation.status,
    resolution: result.resolution,
    turns: turn + 1,
    updatedAt: now,
    expiresAt: write.expiresAt,
  };
  if (!(await saveTurn(tx, tables, row, update))) return null;
  await insertTranscript(
    tx,
    tables,
    row.id,
    turn,
    [...userEntries(user?.event), ...botEntries(result.messages)],
    now,
  );
  if (user) await recordReply(tx, tables, row.id, user.messageId, turn, reply, now);
  await insertEvents(
    tx,
    tables,
    row,
    [
      {
        type: 'turn',
        nodeId: result.node,
        data: { turn, event: write.eventType, messages: result.messages.length },
      },
      ...outcomeEvents(row.node, result),
    ],
    now,
  );
  // The expire job stays where it is: `expiresAt` above is the deadline, and the job re-arms itself for it
  // when it fires early (conversation-turns.ts `expire`).
  await rescheduleTimers(tx, tables, { conversationId: row.id, ended, settings, now });
  return Object.assign({}, row, update);
}

/**
 * Ends a conversation from outside the flow (reset, expiry): it says so in the transcript with an `end`
 * message, as a flow's own end does, and its timers go.
 */
export async function writeEnd(
  tx: Db,
  tables: Tables,
  row: ConversationRow,
  resolution: string,
  data: Record<string, unknown>,
  now: number,
): Promise<BotMessage[]> {
  const messages: BotMessage[] = [{ type: 'end', status: resolution }];
  await tx
    .update(tables.conversations)
    .set({ status: 'ended', resolution, turns: row.turns + 1, updatedAt: now })
    .where(eq(tables.conversations.id, row.id));
  await insertTranscript(tx, tables, row.id, row.turns, botEntries(messages), now);
  await insertEvents(
    tx,
    tables,
    row,
    [{ type: 'conversation.ended', nodeId: row.node, data: { resolution, ...data } }],
    now,
  );
  await cancelJobs(tx, tables, row.id);
  return messages;
}
