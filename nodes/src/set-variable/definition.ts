import { variableNameSchema } from '@parley/shared';
import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const setVariableConfigSchema = z.object({
  /** Applied in order, so a later assignment sees the earlier ones. */
  assignments: z
    .array(
      z.object({
        variable: variableNameSchema.meta({ widget: 'variable' }),
        expression: z.string().min(1).meta({ widget: 'expression' }),
      }),
    )
    .min(1),
});

export type SetVariableConfig = z.infer<typeof setVariableConfigSchema>;

export const setVariableNode = defineNode({
  kind: 'set-variable',
  version: 1,
  configSchema: setVariableConfigSchema,
  defaults: { assignments: [{ variable: 'result', expression: '""' }] } as const satisfies z.input<
    typeof setVariableConfigSchema
  >,
  ports: () => [{ name: 'next', label: 'Next', required: true }],
  waitsForInput: false,
  expressions: (config) =>
    config.assignments.map((a, i) => ({
      path: `assignments.${i}.expression`,
      source: a.expression,
      kind: 'expression',
    })),
  writes: (config) => config.assignments.map((a) => a.variable),
  meta: {
    label: 'Set variable',
    icon: 'variable',
    category: 'logic',
    description: 'Computes values with expressions and stores them in variables.',
  },
});
