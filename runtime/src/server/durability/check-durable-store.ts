import { isDeepStrictEqual } from 'node:util';
import type { ConversationReply } from '../../services/conversations/conversation-types.ts';
import type { Database } from '../../store/database.ts';
import type { Exchange } from './conversation-driver.ts';

/** One conversation as its connector saw it: every message it sent, in order, with the answer it got. */
export type ConversationLog = { conversationId: string; exchanges: Exchange[] };

type Row = { conversationId: string };

function byConversation<T extends Row>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.conversationId) ?? [];
    group.push(row);
    groups.set(row.conversationId, group);
  }
  return groups;
}

/**
 * Compares what the connectors saw with what the store holds and lists every difference (none when the
 * store is right): each answered message is in the transcript exactly once, in its turn, followed by
 * exactly the bot messages of its answer; each message id has one `turns` row holding the answer the
 * connector got; no turn was written that no message explains.
 */
export async function checkDurableStore(database: Database, logs: ConversationLog[]): Promise<string[]> {
  const { db, tables } = database;
  const conversations = await db
    .select({ id: tables.conversations.id, turns: tables.conversations.turns })
    .from(tables.conversations);
  const messages = byConversation(await db.select().from(tables.messages));
  const turns = byConversation(await db.select().from(tables.turns));
  const problems: string[] = [];

  if (conversations.length !== logs.length) {
    problems.push(`${conversations.length} conversations are stored; the connectors started ${logs.length}`);
  }
  for (const { conversationId: id, exchanges } of logs) {
    const stored = conversations.find((c) => c.id === id);
    if (stored?.turns !== exchanges.length) {
      problems.push(`${id}: ${stored?.turns ?? 'no'} turns stored for ${exchanges.length} messages`);
    }
    const transcript = messages.get(id) ?? [];
    const replies = turns.get(id) ?? [];
    if (replies.length !== exchanges.length) {
      problems.push(`${id}: ${replies.length} turns rows for ${exchanges.length} message ids`);
    }
    const strayTurns = transcript.filter((m) => m.turn >= exchanges.length);
    if (strayTurns.length > 0)
      problems.push(`${id}: ${strayTurns.length} transcript rows past the last turn`);

    exchanges.forEach((exchange, turn) => {
      const where = `${id} message ${exchange.messageId}`;
      const inTurn = transcript.filter((m) => m.turn === turn).sort((a, b) => a.position - b.position);
      const users = transcript.filter(
        (m) => m.direction === 'user' && (m.body as { text?: string }).text === exchange.text,
      );
      if (users.length !== 1) problems.push(`${where}: in the transcript ${users.length} times`);
      const [first, ...bot] = inTurn;
      if (first?.direction !== 'user' || (first.body as { text?: string }).text !== exchange.text) {
        problems.push(`${where}: turn ${turn} does not start with it`);
      }
      const said = bot.map((m) => m.body);
      if (!isDeepStrictEqual(said, exchange.reply.messages)) {
        problems.push(
          `${where}: the transcript says ${JSON.stringify(said)}, the answer was ${JSON.stringify(exchange.reply.messages)}`,
        );
      }
      const kept = replies.filter((r) => r.messageId === exchange.messageId);
      if (kept.length !== 1 || kept[0]?.turn !== turn) {
        problems.push(`${where}: ${kept.length} turns rows, at turn ${kept[0]?.turn} instead of ${turn}`);
      } else if (!isDeepStrictEqual(kept[0].reply as ConversationReply, exchange.reply)) {
        problems.push(`${where}: the stored answer differs from the one the connector got`);
      }
    });
  }
  return problems;
}
