import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const ELSE_PORT = 'else';

export const conditionConfigSchema = z
  .object({
    /** Checked in order; the first true branch wins, `else` when none is. */
    branches: z
      .array(
        z.object({
          port: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use letters, digits, "-" and "_"')
            .refine((port) => port !== ELSE_PORT, { message: `"${ELSE_PORT}" is reserved` }),
          label: z.string().optional(),
          expression: z.string().min(1).meta({ widget: 'expression' }),
        }),
      )
      .min(1),
  })
  .refine((config) => new Set(config.branches.map((b) => b.port)).size === config.branches.length, {
    message: 'two branches have the same port',
    path: ['branches'],
  });

export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

export const conditionNode = defineNode({
  kind: 'condition',
  version: 1,
  configSchema: conditionConfigSchema,
  defaults: { branches: [{ port: 'yes', expression: 'true' }] } as const satisfies z.input<
    typeof conditionConfigSchema
  >,
  ports: (config) => [
    ...config.branches.map((b) => ({ name: b.port, label: b.label ?? b.expression, required: true })),
    { name: ELSE_PORT, label: 'Else', required: true },
  ],
  waitsForInput: false,
  expressions: (config) =>
    config.branches.map((b, i) => ({
      path: `branches.${i}.expression`,
      source: b.expression,
      kind: 'expression',
    })),
  writes: () => [],
  meta: {
    label: 'Condition',
    icon: 'git-branch',
    category: 'logic',
    description: 'Takes the first branch whose expression is true, or else.',
  },
});
