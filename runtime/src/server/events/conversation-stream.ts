import { type TrackedEnvelope, tracked } from '@trpc/server';
import type { Database } from '../../store/database.ts';
import { type ConversationEvent, type Cursor, cursorOf } from './conversation-event.ts';
import { conversationEventId } from './event-ids.ts';
import type { Inbox } from './inbox.ts';
import { readConversationEvents } from './turn-reads.ts';

/**
 * One conversation's events after `cursor`, as they commit; finishes after the conversation's end or when
 * the inbox ends. Each wake-up reads everything after the last event sent, so notices may be late,
 * repeated or coalesced without an event being lost or sent twice.
 */
export async function* conversationStream(
  database: Database,
  conversationId: string,
  cursor: Cursor,
  inbox: Inbox,
  stop: () => void,
): AsyncGenerator<TrackedEnvelope<ConversationEvent>, void, undefined> {
  let position = cursor;
  try {
    for (;;) {
      const { head, events } = await readConversationEvents(database, conversationId, position);
      for (const event of events) {
        position = cursorOf(event);
        yield tracked(conversationEventId(event), event);
      }
      if (!head || head.status === 'ended') return;
      if (!(await inbox.take())) return;
    }
  } finally {
    stop();
  }
}
