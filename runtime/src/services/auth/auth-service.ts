import { createApiKeyService } from './api-key-service.ts';
import type { AuthDeps } from './auth-deps.ts';
import { ensureInitialUsers, type RuntimeMode } from './initial-users.ts';
import { createSessionService } from './session-service.ts';
import { createUserService } from './user-service.ts';

/** Users, sign-in sessions and API keys in one object, for the server to build once. */
export function createAuthService(deps: AuthDeps) {
  return {
    ...createUserService(deps),
    ...createSessionService(deps),
    ...createApiKeyService(deps),
    ensureInitialUsers: (options: { mode: RuntimeMode; env: NodeJS.ProcessEnv }) =>
      ensureInitialUsers(deps, options),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
