import type { z } from 'zod';
import { ParleyError } from '../errors.ts';

/** `nodes.2.data.messages`, or `the document` for the root. */
export function issuePath(path: readonly PropertyKey[], root: string): string {
  return path.length === 0 ? root : path.map(String).join('.');
}

/**
 * Validates a service input with its exported schema. The tRPC layer validates too; checking here as
 * well holds direct callers (seeding, the CLI, tests) to the same rules. Messages name the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issuePath(issue.path, 'input'),
    message: issue.message,
  }));
  throw new ParleyError('BAD_REQUEST', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}
