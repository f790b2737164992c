import { randomUUID } from 'node:crypto';

/** Time and ids come from here so tests can control them. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A unique id with a readable prefix, e.g. `conv_…`, so logs say what an id is: 12 hex digits of the
 * time in milliseconds, then 20 of a random UUID (74 random bits). Time first, as in UUIDv7, so rows
 * inserted one after another land side by side in their primary-key index instead of on random pages,
 * which halves a turn's commit (`pnpm bench durable`). Not the `uuid` package's v7: it asks WebCrypto
 * for fresh bytes per id, ~10 µs, where randomUUID draws from a cached pool.
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${prefix}_${time}${randomUUID().replaceAll('-', '').slice(12)}`;
}
