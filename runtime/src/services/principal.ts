export const roles = ['admin', 'operator', 'agent'] as const;
export type Role = (typeof roles)[number];

export type ApiKeyScopes = { flowIds: string[] | '*'; environments: string[] | '*' };

/** Who is acting: a signed-in user, a connector's API key, or Parley itself (seeding, timers). */
export type Principal =
  | { type: 'user'; id: string; role: Role; name: string }
  | { type: 'api-key'; id: string; scopes: ApiKeyScopes }
  | { type: 'system'; id: 'system' };

export const systemPrincipal: Principal = { type: 'system', id: 'system' };
