import { localisedTextSchema, textVariants } from '@parley/shared';
import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const resolutionStatuses = ['resolved', 'unresolved', 'escalated', 'abandoned'] as const;

export const endConfigSchema = z.object({
  status: z.enum(resolutionStatuses).default('resolved'),
  /** Said before the conversation closes. */
  message: localisedTextSchema.optional(),
});

export type EndConfig = z.infer<typeof endConfigSchema>;

export const endNode = defineNode({
  kind: 'end',
  version: 1,
  configSchema: endConfigSchema,
  defaults: { status: 'resolved' } as const satisfies z.input<typeof endConfigSchema>,
  ports: () => [],
  waitsForInput: false,
  expressions: (config) =>
    config.message
      ? textVariants(config.message).map((source) => ({ path: 'message', source, kind: 'template' }))
      : [],
  writes: () => [],
  meta: {
    label: 'End',
    icon: 'flag',
    category: 'flow',
    description: 'Ends the conversation with a resolution status for analytics.',
  },
});
