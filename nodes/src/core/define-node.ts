import type { z } from 'zod';

export type PortSpec = {
  name: string;
  label: string;
  /** A required port left unconnected is a publish-blocking error. */
  required: boolean;
};

/** An expression or template a node's config holds, so validation can check it against declared names. */
export type ExpressionRef = {
  /** Where in the config, as a readable path, e.g. `branches.0.expression`. */
  path: string;
  source: string;
  kind: 'expression' | 'template';
  /** Names readable here besides the flow's variables, e.g. `response` in an HTTP response mapping. */
  extraNames?: string[];
};

export type NodeCategory = 'flow' | 'messaging' | 'input' | 'logic' | 'integration';

export type NodeDefinition<Kind extends string = string, Schema extends z.ZodType = z.ZodType> = {
  kind: Kind;
  /** Bumped whenever the behaviour of existing configs changes. */
  version: number;
  configSchema: Schema;
  defaults: z.input<Schema>;
  ports: (config: z.output<Schema>) => PortSpec[];
  /** True when the node stops the turn to wait for the end user: a cycle through it is not a busy loop. */
  waitsForInput: boolean;
  expressions: (config: z.output<Schema>) => ExpressionRef[];
  /** Variables the node writes, which must be declared. */
  writes: (config: z.output<Schema>) => string[];
  meta: { label: string; icon: string; category: NodeCategory; description: string };
};

/** Identity helper: keeps each definition's schema type precise without casts. */
export function defineNode<const Kind extends string, Schema extends z.ZodType>(
  definition: NodeDefinition<Kind, Schema>,
): NodeDefinition<Kind, Schema> {
  return definition;
}
