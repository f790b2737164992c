import { z } from 'zod';

/** What the bot says, independent of the channel; channels render each type their own way. */
export const botMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('choices'),
    text: z.string(),
    choices: z.array(z.object({ value: z.string(), label: z.string() })),
  }),
  z.object({
    type: z.literal('media'),
    mediaType: z.enum(['image', 'video', 'audio', 'file']),
    url: z.string(),
    caption: z.string().optional(),
  }),
  z.object({ type: z.literal('end'), status: z.string() }),
]);

export type BotMessage = z.infer<typeof botMessageSchema>;

/** What the end user (or the channel on their behalf) does; one per turn. */
export const userEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user.message'), text: z.string() }),
  z.object({ type: z.literal('user.choice'), value: z.string() }),
  z.object({ type: z.literal('user.dtmf'), digits: z.string().regex(/^[0-9*#]+$/) }),
  z.object({ type: z.literal('user.hangup') }),
  z.object({ type: z.literal('timer.no-input') }),
]);

export type UserEvent = z.infer<typeof userEventSchema>;
