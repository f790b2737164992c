import type { Inbox } from './inbox.ts';
import type { TurnNotice } from './turn-notice.ts';

/** What a stream follows: one conversation, or every conversation of a flow. */
export type Topic = { conversationId: string } | { flowId: string };

const keyOf = (topic: Topic): string =>
  'conversationId' in topic ? `conversation:${topic.conversationId}` : `flow:${topic.flowId}`;

/**
 * In-process fan-out of committed turns to the streams following them. It is fed after commit (by the
 * conversation service's hook and by the PostgreSQL listener for other instances' turns), so nothing
 * rolled back is ever announced. Streams are indexed by topic: a turn wakes only its followers.
 */
export class EventBus {
  private readonly topics = new Map<string, Set<Inbox>>();
  private closed = false;

  /** Adds a stream's inbox; returns its removal. After `close()` the inbox is ended at once. */
  follow(topic: Topic, inbox: Inbox): () => void {
    if (this.closed) {
      inbox.end();
      return () => {};
    }
    const key = keyOf(topic);
    const inboxes = this.topics.get(key) ?? new Set();
    inboxes.add(inbox);
    this.topics.set(key, inboxes);
    return () => {
      inboxes.delete(inbox);
      if (inboxes.size === 0 && this.topics.get(key) === inboxes) this.topics.delete(key);
    };
  }

  deliver(notice: TurnNotice): void {
    for (const topic of [{ conversationId: notice.conversationId }, { flowId: notice.flowId }]) {
      for (const inbox of this.topics.get(keyOf(topic)) ?? []) inbox.notice(notice);
    }
  }

  /** Every stream looks again at what it follows, for notices that may have been lost. */
  resync(): void {
    for (const inboxes of this.topics.values()) for (const inbox of inboxes) inbox.resync();
  }

  /** Ends every stream (each first sends what it has already read) and refuses new ones. */
  close(): void {
    this.closed = true;
    for (const inboxes of this.topics.values()) for (const inbox of inboxes) inbox.end({ flush: true });
    this.topics.clear();
  }

  /** Streams currently following something. */
  get size(): number {
    let count = 0;
    for (const inboxes of this.topics.values()) count += inboxes.size;
    return count;
  }
}
