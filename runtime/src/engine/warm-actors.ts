import type { FlowMachine } from '@parley/nodes/runtime';
import { LRUCache } from 'lru-cache';
import type { Actor } from 'xstate';

export type FlowActor = Actor<FlowMachine>;

type Warm = { actor: FlowActor; snapshot: string };

/**
 * Actors kept running between turns, each with the snapshot (JSON text) it stands at. A turn still starts
 * from the conversation's stored snapshot: a kept actor stands in for restoring it only when the two are
 * the same text, which skips XState's restore (about a third of an engine turn). An actor whose turn was
 * not committed, or whose conversation another runtime instance moved on, stands at a snapshot the store
 * does not hold, so it is never used again.
 */
export class WarmActors {
  private readonly actors: LRUCache<string, Warm>;

  constructor(capacity = 1_000) {
    this.actors = new LRUCache<string, Warm>({
      max: capacity,
      dispose: (warm, _key, reason) => {
        // Taken actors run on; dropped or replaced ones stop.
        if (reason !== 'delete') warm.actor.stop();
      },
    });
  }

  /** The actor kept for `key` if it stands at `snapshot`; it is handed over (no longer kept). */
  take(key: string, snapshot: string): FlowActor | undefined {
    const warm = this.actors.get(key);
    if (!warm) return undefined;
    this.actors.delete(key);
    if (warm.snapshot === snapshot) return warm.actor;
    warm.actor.stop();
    return undefined;
  }

  /** Keeps a running actor that stands at `snapshot` for the next turn of `key`. */
  hold(key: string, actor: FlowActor, snapshot: string): void {
    this.actors.set(key, { actor, snapshot });
  }

  get size(): number {
    return this.actors.size;
  }
}
