import { type TrackedEnvelope, tracked } from '@trpc/server';
import type { Database } from '../../store/database.ts';
import { afterTurn, type ConversationEvent, cursorOf } from './conversation-event.ts';
import { flowEventId } from './event-ids.ts';
import type { Inbox } from './inbox.ts';
import { KnownConversations } from './known-conversations.ts';
import { type FlowFilter, readConversationEvents, readFlowTurns, type TurnKey } from './turn-reads.ts';

const CATCH_UP_PAGE = 500;

export type FlowStreamOptions = {
  database: Database;
  filter: FlowFilter;
  inbox: Inbox;
  /** Called when the stream finishes, however it finishes. */
  stop: () => void;
  /**
   * How far before a point in time to look again when catching up. Turns are stamped before their
   * transaction commits, so on PostgreSQL (concurrent writers) a turn stamped a little earlier may
   * commit a little later; SQLite commits in stamp order.
   */
  lookbackMs: number;
  /** Resuming after the last event a client received: its time, conversation and position. */
  resume?: { at: number; conversationId: string; cursor: ReturnType<typeof cursorOf> } | undefined;
  /** Now, on the clock turns are stamped with. */
  now: () => number;
};

const byTime = (a: ConversationEvent, b: ConversationEvent) =>
  a.at - b.at ||
  a.conversationId.localeCompare(b.conversationId) ||
  a.turn - b.turn ||
  cursorOf(a).rank - cursorOf(b).rank;

/**
 * Every conversation of a flow (optionally some environments), as turns commit. Per conversation it
 * reads everything after the last event it sent, so late or repeated notices lose and repeat nothing.
 *
 * Resuming (and catching up after the cross-instance listener reconnected) reads the flow's turns since
 * the last event's time minus `lookbackMs`: nothing committed meanwhile is lost, and an event of another
 * conversation from that short window may come again (same id: a client can drop it).
 */
export async function* flowStream(
  options: FlowStreamOptions,
): AsyncGenerator<TrackedEnvelope<ConversationEvent>, void, undefined> {
  const { database, filter, inbox, lookbackMs } = options;
  const known = new KnownConversations();
  let latest = options.now();

  async function eventsOf(conversationId: string, firstTurn: number): Promise<ConversationEvent[]> {
    const cursor = known.get(conversationId) ?? afterTurn(firstTurn - 1);
    const { events } = await readConversationEvents(database, conversationId, cursor);
    const last = events.at(-1);
    if (last) known.set(conversationId, cursorOf(last));
    for (const event of events) latest = Math.max(latest, event.at);
    return events;
  }

  /** Everything the flow said since `since`, oldest first, apart from what this stream already sent. */
  async function* catchUp(since: number) {
    let after: TurnKey | undefined;
    for (;;) {
      const page = await readFlowTurns(database, filter, since, CATCH_UP_PAGE, after);
      const firstTurns = new Map<string, number>();
      for (const { conversationId, turn } of page)
        firstTurns.set(conversationId, Math.min(turn, firstTurns.get(conversationId) ?? turn));
      const events: ConversationEvent[] = [];
      for (const [conversationId, turn] of firstTurns) events.push(...(await eventsOf(conversationId, turn)));
      for (const event of events.sort(byTime)) yield tracked(flowEventId(event), event);
      after = page.at(-1);
      if (page.length < CATCH_UP_PAGE) return;
    }
  }

  try {
    if (options.resume) {
      known.set(options.resume.conversationId, options.resume.cursor);
      yield* catchUp(options.resume.at - lookbackMs);
    }
    for (;;) {
      const batch = await inbox.take();
      if (!batch) return;
      if (batch.resync) yield* catchUp(latest - lookbackMs);
      for (const [conversationId, turn] of batch.notices) {
        for (const event of await eventsOf(conversationId, turn)) yield tracked(flowEventId(event), event);
      }
    }
  } finally {
    options.stop();
  }
}
