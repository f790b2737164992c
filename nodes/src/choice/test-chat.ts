/** Drives a flow through the real turn engine, storing and restoring the snapshot as JSON between turns. */
import type { FlowDocumentInput, UserEvent } from '@parley/shared';
import { expect } from 'vitest';
import {
  type Conversation,
  loadVersion,
  startConversation,
  type TurnResult,
  turn,
} from '../../../runtime/src/engine/index.ts';

/**
 * What a stateless server does between turns: the stored JSON is parsed, the version loaded afresh and
 * the turn continues from it. Checks that the snapshot survives the trip unchanged.
 */
function fromStorage(conversation: Conversation, flow: FlowDocumentInput): Conversation {
  const stored: unknown = JSON.parse(conversation.snapshot);
  expect(JSON.stringify(stored)).toBe(conversation.snapshot);
  return { ...conversation, version: loadVersion({ flow }), snapshot: JSON.stringify(stored) };
}

export type Chat = {
  /** The bot's answer to the start of the conversation. */
  opening: TurnResult;
  /** Sends one user event through a round trip of the stored snapshot. */
  send(event: UserEvent): Promise<TurnResult>;
  /** The persisted XState snapshot, as stored now. */
  stored(): { value: unknown; context: { attempts: Record<string, number> } };
};

export async function startChat(flow: FlowDocumentInput, locale?: string): Promise<Chat> {
  const opening = await startConversation(loadVersion({ flow }), {
    channel: 'web',
    ...(locale ? { locale } : {}),
  });
  let last = opening;
  return {
    opening,
    async send(event) {
      last = await turn(fromStorage(last.conversation, flow), event);
      return last;
    },
    stored: () => JSON.parse(last.conversation.snapshot),
  };
}

export const text = (value: string): UserEvent => ({ type: 'user.message', text: value });
export const click = (value: string): UserEvent => ({ type: 'user.choice', value });
export const press = (digits: string): UserEvent => ({ type: 'user.dtmf', digits });
export const silence: UserEvent = { type: 'timer.no-input' };
