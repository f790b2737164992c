import type { BotMessage, JsonValue, UserEvent } from '@parley/shared';
import type { ConversationStatus } from '../../engine/index.ts';
import type { Tables } from '../../store/database.ts';

export type ConversationRow = Tables['conversations']['$inferSelect'];
export type JobRow = Tables['jobs']['$inferSelect'];

/** What a start or a send answers; a retried send gets the stored copy of the first answer. */
export type ConversationReply = {
  conversationId: string;
  /** The published version number the conversation runs on. */
  version: number;
  messages: BotMessage[];
  status: ConversationStatus;
  resolution: string | null;
};

/** Where a conversation lives, for channels that push the bot's messages (timers fire without a request). */
export type ConversationAddress = {
  conversationId: string;
  flowId: string;
  environment: string;
  channel: string;
  address: string;
};

export const addressOf = (row: ConversationRow): ConversationAddress => ({
  conversationId: row.id,
  flowId: row.flowId,
  environment: row.environment,
  channel: row.channel,
  address: row.address,
});

/**
 * A start, turn or end that has just committed, for live events, logs and metrics. Announced only after
 * the transaction commits, so a rolled-back turn is never announced; listeners must not throw.
 */
export type CommittedTurn = {
  conversationId: string;
  flowId: string;
  environment: string;
  versionId: string;
  /** The published version number the conversation runs on. */
  version: number;
  /** The transcript turn written: 0 for the start. */
  turn: number;
  /** What caused it: a start, the end user's event or timer (`timer.no-input`), an expiry or a reset. */
  cause: 'start' | UserEvent['type'] | 'expire' | 'reset';
  status: ConversationStatus;
  resolution: string | null;
  node: string | null;
  /** Bot messages the turn produced. */
  messages: number;
  /** From the start of the turn's work (engine) to its commit; queueing behind earlier turns excluded. */
  durationMs: number;
  /** The variables after the turn (absent for expiry and reset) and those the flow marks sensitive. */
  vars?: Record<string, JsonValue>;
  sensitive?: readonly string[];
};

/** Called with every committed turn; must not throw. */
export type TurnCommittedHook = (turn: CommittedTurn) => void;
