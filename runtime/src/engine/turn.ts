import { type UserEvent, userEventSchema } from '@parley/shared';
import type { Conversation, TurnResult } from './conversation.ts';
import { EngineError } from './errors.ts';
import { runTurn, type WarmTurn } from './run-turn.ts';

/** Runs one end-user event through a conversation and returns the bot's messages and the new state. */
export function turn(conversation: Conversation, event: UserEvent): Promise<TurnResult> {
  const parsed = userEventSchema.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Promise.reject(
      new EngineError('BAD_EVENT', `the event is invalid at "${issue?.path.join('.')}": ${issue?.message}`),
    );
  }
  return turnParsed(conversation, parsed.data);
}

/**
 * `turn` for an event that `userEventSchema` has already parsed: the conversation service parses each
 * request's input once, and a second parse per turn would only cost time. `warm` keeps the conversation's
 * actor running between turns (see WarmActors).
 */
export function turnParsed(
  conversation: Conversation,
  event: UserEvent,
  warm?: WarmTurn,
): Promise<TurnResult> {
  if (conversation.status === 'ended') {
    return Promise.reject(
      new EngineError('CONVERSATION_ENDED', 'the conversation has ended; start a new one'),
    );
  }
  const { version, channel, locale, snapshot } = conversation;
  return runTurn(version, { channel, locale }, snapshot, event, warm);
}
