import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { type Role, systemPrincipal } from '../principal.ts';
import type { AuthDeps } from './auth-deps.ts';
import { emailSchema, newPasswordSchema } from './user-inputs.ts';
import { createUserService } from './user-service.ts';

export type RuntimeMode = 'development' | 'production';

/** Production whenever NODE_ENV says so; anything else is a developer's machine. */
export function runtimeMode(env: NodeJS.ProcessEnv): RuntimeMode {
  return env.NODE_ENV === 'production' ? 'production' : 'development';
}

export type InitialUser = {
  email: string;
  name: string;
  role: Role;
  /** The generated password, for the server to print once; null when it came from the environment. */
  password: string | null;
};

const demoUsers = [
  { email: 'admin@parley.local', name: 'Demo Admin', role: 'admin' },
  { email: 'operator@parley.local', name: 'Demo Operator', role: 'operator' },
  { email: 'agent@parley.local', name: 'Demo Agent', role: 'agent' },
] as const;

function fromEnv(env: NodeJS.ProcessEnv, variable: string, schema: z.ZodType<string, string>): string {
  const result = schema.safeParse(env[variable]);
  if (result.success) return result.data;
  throw new ParleyError('BAD_REQUEST', `${variable}: ${result.error.issues[0]?.message ?? 'is not valid'}`);
}

type Seed = { email: string; name: string; role: Role; password: string; generated: boolean };

function seedsFor(mode: RuntimeMode, env: NodeJS.ProcessEnv): Seed[] {
  if (mode === 'production') {
    if (!env.PARLEY_ADMIN_EMAIL || !env.PARLEY_ADMIN_PASSWORD) {
      throw new ParleyError(
        'PRECONDITION_FAILED',
        'Parley has no users and runs in production (NODE_ENV=production): set PARLEY_ADMIN_EMAIL and ' +
          'PARLEY_ADMIN_PASSWORD (at least 12 characters) to create the first admin',
      );
    }
    const email = fromEnv(env, 'PARLEY_ADMIN_EMAIL', emailSchema);
    const password = fromEnv(env, 'PARLEY_ADMIN_PASSWORD', newPasswordSchema);
    return [{ email, name: 'Administrator', role: 'admin', password, generated: false }];
  }
  const shared = env.PARLEY_DEMO_PASSWORD ? fromEnv(env, 'PARLEY_DEMO_PASSWORD', newPasswordSchema) : null;
  return demoUsers.map((user) => ({
    ...user,
    password: shared ?? randomBytes(15).toString('base64url'),
    generated: shared === null,
  }));
}

/**
 * Makes sure someone can sign in to a fresh installation, and does nothing once users exist.
 * Development: creates demo users (admin, operator, agent @parley.local) and returns their passwords to
 * print once. Production: creates the admin named by PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD, and
 * refuses to start without them; demo users are never created there.
 */
export async function ensureInitialUsers(
  deps: AuthDeps,
  { mode, env }: { mode: RuntimeMode; env: NodeJS.ProcessEnv },
): Promise<InitialUser[]> {
  const { db, tables } = deps.database;
  const [existing] = await db.select({ n: count() }).from(tables.users);
  if ((existing?.n ?? 0) > 0) return [];

  const users = createUserService(deps);
  const created: InitialUser[] = [];
  for (const { generated, ...seed } of seedsFor(mode, env)) {
    try {
      await users.createUser(systemPrincipal, seed);
      created.push({ ...seed, password: generated ? seed.password : null });
    } catch (error) {
      // Another instance started at the same moment and seeded first: its users stand.
      if (error instanceof ParleyError && error.code === 'CONFLICT') continue;
      throw error;
    }
  }
  return created;
}
