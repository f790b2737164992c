import { z } from 'zod';

/** Set by the client on reconnect (`tracked` ids); a client may also pass one to resume from it. */
const lastEventId = z.string().max(300).nullish();

export const conversationEventsInput = z.object({
  conversationId: z.string().min(1),
  /**
   * Replay the transcript from this turn on (0: the whole conversation), then follow it; without it only
   * what happens after subscribing is sent. `lastEventId`, when set, wins.
   */
  fromTurn: z.number().int().min(0).optional(),
  lastEventId,
});
export type ConversationEventsInput = z.input<typeof conversationEventsInput>;

export const flowEventsInput = z.object({
  flowId: z.string().min(1),
  /** Only this environment's conversations; all environments (an API key: those of its scopes) without it. */
  environment: z.string().min(1).optional(),
  lastEventId,
});
export type FlowEventsInput = z.input<typeof flowEventsInput>;
