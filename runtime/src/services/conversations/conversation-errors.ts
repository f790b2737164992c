import { ParleyError } from '../../errors.ts';
import type { ConversationRow } from './conversation-types.ts';

export const conversationEnded = (row: ConversationRow) =>
  new ParleyError(
    'PRECONDITION_FAILED',
    row.resolution === 'expired'
      ? 'the conversation expired after a long silence; start a new one'
      : `the conversation has ended (${row.resolution ?? 'ended'}); start a new one`,
    { conversationId: row.id, resolution: row.resolution },
  );

export const conversationNotFound = (conversationId: string) =>
  new ParleyError('NOT_FOUND', `conversation "${conversationId}" does not exist`, { conversationId });
