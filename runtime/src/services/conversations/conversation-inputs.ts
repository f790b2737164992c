import { userEventSchema } from '@parley/shared';
import { z } from 'zod';

/** Inputs of the conversation service, shared with the tRPC layer so both validate the same way. */

const id = z.string().trim().min(1).max(200);
const environment = z.string().trim().min(1).max(64);
const channel = z.string().trim().min(1).max(64);
/** Whatever identifies the end user on the channel: a phone number, a chat id, a browser session. */
const address = z.string().trim().min(1).max(256);
const locale = z.string().trim().min(2).max(35);

export const conversationIdInput = z.object({ conversationId: id });

export const startInput = z.object({
  flowId: id,
  environment,
  channel,
  address,
  locale: locale.optional(),
});

/**
 * A send names its conversation by id, or by where it came from (channel, address, flow, environment):
 * the channel's active conversation there, or a new one. `messageId` is the channel's id for the event;
 * sending it again returns the first answer.
 */
export const sendInput = z
  .object({
    conversationId: id.optional(),
    channel: channel.optional(),
    address: address.optional(),
    flowId: id.optional(),
    environment: environment.optional(),
    /** Used when the send starts a conversation. */
    locale: locale.optional(),
    event: userEventSchema,
    messageId: z.string().min(1).max(200),
  })
  .superRefine((input, ctx) => {
    if (input.conversationId !== undefined) return;
    for (const field of ['channel', 'address', 'flowId', 'environment'] as const) {
      if (input[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'is required when no conversationId is given',
        });
      }
    }
  });

export const resetInput = conversationIdInput;
export const getInput = conversationIdInput;
export const transcriptInput = conversationIdInput;

export const listInput = z.object({
  flowId: id.optional(),
  environment: environment.optional(),
  status: z.enum(['active', 'ended']).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export type StartInput = z.input<typeof startInput>;
export type SendInput = z.input<typeof sendInput>;
/** A send as `sendInput` parses it. */
export type ParsedSendInput = z.output<typeof sendInput>;
export type ListInput = z.input<typeof listInput>;
export type ConversationIdInput = z.input<typeof conversationIdInput>;
