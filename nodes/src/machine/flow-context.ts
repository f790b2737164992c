import type { BotMessage, ExpressionScope, JsonValue, UserEvent } from '@parley/shared';

/** The machine's context: everything a conversation remembers, persisted as JSON after every turn. */
export type FlowContext = {
  vars: Record<string, JsonValue>;
  channel: string;
  locale: string;
  fallbackLocale: string;
  /** The node the conversation is at, for tracing and the designer's highlight. */
  node: string | null;
  /** States entered in the current turn; the engine resets it before each turn. */
  steps: number;
  maxSteps: number;
  /** Failed answers per waiting node, reset when the node is left. */
  attempts: Record<string, number>;
  resolution: string | null;
  lastError: string | null;
};

export type StartEvent = { type: 'parley.start'; channel: string; locale: string };
export type ActorDoneEvent = { type: `xstate.done.actor.${string}`; output: unknown };
export type ActorErrorEvent = { type: `xstate.error.actor.${string}`; error: unknown };

export type FlowEvent = UserEvent | StartEvent | ActorDoneEvent | ActorErrorEvent;

export type BotMessageEmitted = { type: 'bot.message'; message: BotMessage };

/** What expressions and templates can read: the variables plus built-ins. */
export function scopeOf(context: FlowContext): ExpressionScope {
  // Not `{ ...vars, channel, locale }`: on Node 20, adding keys after a spread builds a new hidden class
  // on every call (about 1 µs, and later reads miss V8's caches); overwriting keys that exist does not.
  const scope: ExpressionScope = { channel: context.channel, locale: context.locale, ...context.vars };
  // The built-ins win over a variable of the same name.
  scope.channel = context.channel;
  scope.locale = context.locale;
  return scope;
}

/** Names every expression may read besides the declared variables. */
export const BUILTIN_NAMES = ['channel', 'locale'] as const;
