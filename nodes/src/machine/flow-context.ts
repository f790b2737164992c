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
  return { ...context.vars, channel: context.channel, locale: context.locale };
}

/** Names every expression may read besides the declared variables. */
export const BUILTIN_NAMES = ['channel', 'locale'] as const;
