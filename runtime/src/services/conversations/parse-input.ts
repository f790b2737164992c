import type { z } from 'zod';
import { ParleyError } from '../../errors.ts';

/** Parses a service input, or fails with BAD_REQUEST naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'input';
  throw new ParleyError('BAD_REQUEST', `"${field}" ${issue?.message ?? 'is invalid'}`, {
    field,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
