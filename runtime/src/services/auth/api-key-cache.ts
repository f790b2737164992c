import type { Principal } from '../principal.ts';

type Entry = { id: string; principal: Principal; until: number };

/**
 * API keys that authenticated recently, so a connector's requests cost a sha256 and a map lookup instead
 * of a database read each. Entries are keyed by the hash of the key's secret and hold only successful
 * checks; the oldest goes beyond `capacity`.
 *
 * Revocation: `forget` drops a key at once, and a check that read the key before a `forget` cannot put it
 * back (the epoch moved on). A key revoked by ANOTHER runtime instance (shared PostgreSQL) is refused here
 * once its entry expires, within `ttlMs`.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private currentEpoch = 0;

  constructor(
    private readonly capacity = 1000,
    private readonly ttlMs = 2000,
  ) {}

  /** Taken before reading a key from the store and handed to `remember`. */
  get epoch(): number {
    return this.currentEpoch;
  }

  recall(hash: string, id: string, now: number): Principal | null {
    const entry = this.entries.get(hash);
    if (!entry || entry.id !== id) return null;
    if (entry.until <= now) {
      this.entries.delete(hash);
      return null;
    }
    return entry.principal;
  }

  remember(hash: string, id: string, principal: Principal, now: number, epoch: number): void {
    if (epoch !== this.currentEpoch) return;
    this.entries.delete(hash);
    this.entries.set(hash, { id, principal, until: now + this.ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Drops the key with this id (revoked). */
  forget(id: string): void {
    this.currentEpoch += 1;
    for (const [hash, entry] of this.entries) if (entry.id === id) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
