import type { BotMessage, JsonValue } from '@parley/shared';
import type { LoadedVersion } from './load-version.ts';

export type ConversationStatus = 'active' | 'ended';

/**
 * Everything a conversation is between turns. `snapshot` is the JSON text of XState's persisted
 * snapshot: each turn starts from it (a warm actor stands in only when it is at exactly that text, see
 * warm-actors.ts), so nothing lives only in memory.
 */
export type Conversation = {
  version: LoadedVersion;
  channel: string;
  locale: string;
  status: ConversationStatus;
  snapshot: string;
};

export type TurnResult = {
  conversation: Conversation;
  messages: BotMessage[];
  /** The node the conversation now waits at (or ended at). */
  node: string | null;
  /** Set when the conversation has ended: `resolved`, `escalated`, `abandoned`, ... */
  resolution: string | null;
  vars: Record<string, JsonValue>;
};
