import { definitionOf, type ExpressionRef, nodeKinds } from '@parley/nodes';
import type { z } from 'zod';

const NONE: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * A config that does not parse yet (a field being filled in) lacks the defaults parsing would add, such
 * as empty lists: these are filled in, so the node kind can still list its expressions.
 */
function withDefaults(schema: z.ZodType, value: unknown): unknown {
  const shape = (schema as { shape?: unknown }).shape;
  if (typeof shape !== 'object' || shape === null) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const filled: Record<string, unknown> = { ...value };
  for (const [key, field] of Object.entries(shape as Record<string, z.ZodType>)) {
    if (filled[key] !== undefined) continue;
    const fallback = field.safeParse(undefined);
    if (fallback.success && fallback.data !== undefined) filled[key] = fallback.data;
  }
  return filled;
}

/**
 * Names some fields may read besides the flow's variables, as the node kind declares them for the
 * validator (e.g. `response` in an HTTP request's response mapping), keyed by field path (`a.0.b`).
 * The kind is the one whose config schema the inspector shows; other schemas have none.
 */
export function extraNamesByPath(schema: z.ZodType, value: unknown): ReadonlyMap<string, readonly string[]> {
  const definition = nodeKinds.map(definitionOf).find((d) => d.configSchema === schema);
  if (!definition) return NONE;
  const parsed = schema.safeParse(value);
  let refs: ExpressionRef[];
  try {
    refs = definition.expressions(parsed.success ? parsed.data : withDefaults(schema, value));
  } catch {
    return NONE;
  }
  const found = refs.filter((ref) => (ref.extraNames ?? []).length > 0);
  if (found.length === 0) return NONE;
  return new Map(found.map((ref) => [ref.path, ref.extraNames ?? []]));
}
