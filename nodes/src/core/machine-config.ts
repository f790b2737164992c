import type { JsonValue } from '@parley/shared';

/** Plain-JSON shapes of the XState v5 machine config the compiler emits: no functions anywhere. */
export type ActionRef = { type: string; params?: Record<string, unknown> };
export type GuardRef = { type: string; params?: Record<string, unknown> };

export type TransitionConfig = {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  reenter?: boolean;
};

export type StateConfig = {
  id?: string;
  type?: 'atomic' | 'compound' | 'final';
  tags?: string[];
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  always?: TransitionConfig[];
  on?: { [eventType: string]: TransitionConfig[] };
  states?: { [key: string]: StateConfig };
  description?: string;
  meta?: { [key: string]: JsonValue };
};

export type MachineConfig = StateConfig & {
  id: string;
  initial: string;
  context: { [key: string]: JsonValue };
  states: { [key: string]: StateConfig };
};

/** Tag on every state where the conversation waits for the end user. */
export const WAITING_TAG = 'waiting';
