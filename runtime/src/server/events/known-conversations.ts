import type { Cursor } from './conversation-event.ts';

/**
 * Where a flow stream is in each conversation it has sent events of: the most recently active ones,
 * up to `capacity` (a conversation dropped here is read from its notice's turn if it speaks again).
 */
export class KnownConversations {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly capacity = 10_000) {}

  get(conversationId: string): Cursor | undefined {
    return this.cursors.get(conversationId);
  }

  set(conversationId: string, cursor: Cursor): void {
    // Re-inserting keeps Map's insertion order by recent activity.
    this.cursors.delete(conversationId);
    this.cursors.set(conversationId, cursor);
    if (this.cursors.size > this.capacity) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
  }
}
