import type { BotMessage, UserEvent } from '@parley/shared';

/** What every live event says about where it happened. */
type EventBase = {
  conversationId: string;
  flowId: string;
  environment: string;
  /** The published version number the conversation runs on. */
  version: number;
  /** The transcript turn the event belongs to: 0 for the start. */
  turn: number;
  /** When the turn was taken (epoch milliseconds). */
  at: number;
};

export type ConversationStartedEvent = EventBase & {
  type: 'conversation.started';
  channel: string;
  locale: string;
};

/** One committed turn: the end user's event (null for the opening, timers and ends from outside) and the bot's replies. */
export type ConversationTurnEvent = EventBase & {
  type: 'turn';
  user: UserEvent | null;
  messages: BotMessage[];
};

export type ConversationEndedEvent = EventBase & {
  type: 'conversation.ended';
  resolution: string | null;
};

/**
 * What `events.conversation` and `events.flow` stream, after each committed turn: a start is followed
 * by the opening turn, and the turn that ends a conversation by its end.
 */
export type ConversationEvent = ConversationStartedEvent | ConversationTurnEvent | ConversationEndedEvent;

/** The order of a turn's events. */
const RANK: Record<ConversationEvent['type'], number> = {
  'conversation.started': 0,
  turn: 1,
  'conversation.ended': 2,
};

/** A position in one conversation's event sequence: turn, then rank within the turn. */
export type Cursor = { turn: number; rank: number };

export const cursorOf = (event: ConversationEvent): Cursor => ({ turn: event.turn, rank: RANK[event.type] });

/** True when `event` comes after `cursor` in its conversation. */
export function isAfter(event: ConversationEvent, cursor: Cursor | undefined): boolean {
  if (!cursor) return true;
  const { turn, rank } = cursorOf(event);
  return turn > cursor.turn || (turn === cursor.turn && rank > cursor.rank);
}

/** The cursor of everything up to and including `turn`. */
export const afterTurn = (turn: number): Cursor => ({ turn, rank: RANK['conversation.ended'] });
