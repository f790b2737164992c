import type { BotMessage } from '@parley/shared';
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
