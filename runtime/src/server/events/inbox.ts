import type { TurnNotice } from './turn-notice.ts';

/** What a stream has to look at when it wakes: conversations with news (and their earliest turn), or everything. */
export type InboxBatch = { notices: Map<string, number>; resync: boolean };

/**
 * Where the bus leaves notices for one stream. Notices pile up while the stream is busy reading and
 * yielding, coalesced per conversation (the stream reads everything after its cursor anyway), so a slow
 * client costs memory per conversation, not per turn.
 */
export class Inbox {
  private pending = new Map<string, number>();
  private resyncNeeded = false;
  private ended = false;
  /** Pending notices are still handed out after the end (shutdown), not dropped (client gone). */
  private flush = false;
  private wake: (() => void) | undefined;

  constructor(
    signal: AbortSignal | undefined,
    private readonly accepts: (notice: TurnNotice) => boolean = () => true,
  ) {
    signal?.addEventListener('abort', () => this.end(), { once: true });
    if (signal?.aborted) this.end();
  }

  notice(notice: TurnNotice): void {
    if (this.ended || !this.accepts(notice)) return;
    const earliest = this.pending.get(notice.conversationId);
    if (earliest === undefined || notice.turn < earliest)
      this.pending.set(notice.conversationId, notice.turn);
    this.wake?.();
  }

  /** Notices may have been missed (the cross-instance listener reconnected): look again at everything. */
  resync(): void {
    if (this.ended) return;
    this.resyncNeeded = true;
    this.wake?.();
  }

  /**
   * The stream should finish: the client left, or (with `flush`) the server is shutting down and the
   * stream first reads what was announced before.
   */
  end(options: { flush?: boolean } = {}): void {
    if (!this.ended) this.flush = options.flush ?? false;
    this.ended = true;
    this.wake?.();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Waits for news; null once the inbox has ended. */
  async take(): Promise<InboxBatch | null> {
    while (!this.ended && this.pending.size === 0 && !this.resyncNeeded) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
    if (this.ended && !(this.flush && (this.pending.size > 0 || this.resyncNeeded))) return null;
    const batch = { notices: this.pending, resync: this.resyncNeeded };
    this.pending = new Map();
    this.resyncNeeded = false;
    return batch;
  }
}
