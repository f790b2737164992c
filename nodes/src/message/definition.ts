import { localisedTextSchema, textVariants } from '@parley/shared';
import { z } from 'zod';
import { defineNode, type ExpressionRef } from '../core/define-node.ts';

const textPart = z.object({ type: z.literal('text'), text: localisedTextSchema });
const mediaPart = z.object({
  type: z.literal('media'),
  mediaType: z.enum(['image', 'video', 'audio', 'file']),
  url: z.string().min(1).meta({ widget: 'template' }),
  caption: localisedTextSchema.optional(),
});

export const messageConfigSchema = z.object({
  messages: z.array(z.discriminatedUnion('type', [textPart, mediaPart])).min(1),
});

export type MessageConfig = z.infer<typeof messageConfigSchema>;

export const messageNode = defineNode({
  kind: 'message',
  version: 1,
  configSchema: messageConfigSchema,
  defaults: { messages: [{ type: 'text', text: 'Hello!' }] } as const satisfies z.input<
    typeof messageConfigSchema
  >,
  ports: () => [{ name: 'next', label: 'Next', required: true }],
  waitsForInput: false,
  expressions: (config) =>
    config.messages.flatMap((part, i): ExpressionRef[] => {
      const texts =
        part.type === 'text'
          ? textVariants(part.text)
          : [part.url, ...(part.caption ? textVariants(part.caption) : [])];
      return texts.map((source) => ({ path: `messages.${i}`, source, kind: 'template' }));
    }),
  writes: () => [],
  meta: {
    label: 'Message',
    icon: 'message-square',
    category: 'messaging',
    description: 'Sends one or more texts, images or files, then moves on without waiting.',
  },
});
