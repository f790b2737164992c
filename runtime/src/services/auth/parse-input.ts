import type { z } from 'zod';
import { ParleyError } from '../../errors.ts';

/**
 * Validates a service input with its exported schema. The tRPC layer validates too; doing it here as
 * well keeps direct callers (seeding, the CLI, tests) to the same rules. Messages name the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
  throw new ParleyError('BAD_REQUEST', message, {
    issues: result.error.issues.map(({ path, message }) => ({ path, message })),
  });
}
