import { z } from 'zod';
import { roles } from '../principal.ts';

export const minPasswordLength = 12;

/** Rules for a new password. Existing passwords are only ever compared, never re-checked. */
export const newPasswordSchema = z
  .string()
  .min(minPasswordLength, `a password needs at least ${minPasswordLength} characters`)
  // scrypt hashes any length, but there is no reason to let one request make us hash megabytes.
  .max(1024, 'a password may have at most 1024 characters');

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email('must be an email address, like ada@example.com')
      .max(254, 'an email address has at most 254 characters'),
  );

export const userNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(100, 'a name may have at most 100 characters');

export const roleSchema = z.enum(roles, `must be one of ${roles.join(', ')}`);

export const createUserInput = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({ id: z.string().min(1), name: userNameSchema.optional(), role: roleSchema.optional() })
  .refine((input) => input.name !== undefined || input.role !== undefined, 'give a new name or role');
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const disableUserInput = z.object({ id: z.string().min(1) });
export type DisableUserInput = z.input<typeof disableUserInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'the current password is required').max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
