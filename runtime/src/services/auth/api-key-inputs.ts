import { z } from 'zod';

const scopeList = (what: string) =>
  z.union(
    [
      z.literal('*'),
      z
        .array(z.string().trim().min(1, `a ${what} cannot be empty`))
        .min(1, `list at least one ${what}, or use '*' for all`),
    ],
    `must be '*' or a list of ${what}s`,
  );

export const apiKeyScopesSchema = z.object({
  flowIds: scopeList('flow id'),
  environments: scopeList('environment'),
});

export const createApiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a name is required, e.g. "website chat"')
    .max(100, 'a name may have at most 100 characters'),
  scopes: apiKeyScopesSchema,
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: z.string().min(1) });
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;
