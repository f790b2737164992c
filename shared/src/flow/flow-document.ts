import { z } from 'zod';

/** Node and variable names end up in state ids and expressions, so they stay simple identifiers. */
export const nodeIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'use letters, digits, "-" and "_", starting with a letter');

export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'use letters, digits and "_", not starting with a digit');

export const RESERVED_NAMES = ['channel', 'locale', 'input', 'response', 'true', 'false', 'null'] as const;

export const flowNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.string().min(1),
  position: z.object({ x: z.number(), y: z.number() }).default(() => ({ x: 0, y: 0 })),
  data: z.record(z.string(), z.unknown()).default(() => ({})),
});

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourcePort: z.string().min(1),
  target: z.string().min(1),
});

export const variableTypeSchema = z.enum(['string', 'number', 'boolean', 'object', 'list', 'any']);

export const variableSchema = z.object({
  name: variableNameSchema.refine((name) => !(RESERVED_NAMES as readonly string[]).includes(name), {
    message: `is reserved (${RESERVED_NAMES.join(', ')})`,
  }),
  type: variableTypeSchema.default('any'),
  initial: z.json().optional(),
  description: z.string().optional(),
  /** Sensitive values are never written to logs or shown to agents unmasked. */
  sensitive: z.boolean().default(false),
});

export const intentSchema = z.object({
  name: variableNameSchema,
  /** Training phrases per language code. */
  phrases: z
    .record(z.string(), z.array(z.string().min(1)))
    .default(() => ({}))
    .meta({ widget: 'localised-list' }),
});

export const entitySchema = z.object({
  name: variableNameSchema,
  kind: z.enum(['list', 'regex']),
  values: z
    .array(z.object({ value: z.string().min(1), synonyms: z.array(z.string()).default(() => []) }))
    .default(() => []),
  pattern: z.string().optional(),
});

export const flowSettingsSchema = z.object({
  http: z
    .object({
      /** Hosts the HTTP node may reach even when they resolve to private or loopback addresses. */
      allowedPrivateHosts: z.array(z.string().min(1)).default(() => []),
      defaultTimeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    })
    .default(() => ({ allowedPrivateHosts: [], defaultTimeoutMs: 10_000 })),
  limits: z
    .object({
      maxStepsPerTurn: z.number().int().min(1).max(10_000).default(100),
      turnTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
    })
    .default(() => ({ maxStepsPerTurn: 100, turnTimeoutMs: 15_000 })),
  noInputTimeoutSeconds: z.number().int().min(1).optional(),
  /** A conversation with no end-user activity for this long ends as `expired`. */
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(30),
});

export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  languages: z
    .array(z.string().min(2))
    .min(1)
    .default(() => ['en']),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default(() => []),
  variables: z.array(variableSchema).default(() => []),
  intents: z.array(intentSchema).default(() => []),
  entities: z.array(entitySchema).default(() => []),
  // Defaults are functions because zod hands a plain default object out by reference, shared by every parse.
  settings: flowSettingsSchema.default(() => flowSettingsSchema.parse({})),
});

export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowVariable = z.infer<typeof variableSchema>;
export type FlowIntent = z.infer<typeof intentSchema>;
export type FlowEntity = z.infer<typeof entitySchema>;
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
/** What an author writes: defaults may be left out. */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
