import { randomUUID } from 'node:crypto';

/** Time and ids come from here so tests can control them. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A random id with a readable prefix, e.g. `conv_…`, so logs say what an id is. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
