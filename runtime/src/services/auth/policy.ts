import type { Principal, Role } from '../principal.ts';

/** Who may call a procedure: users by role, or a connector's API key. */
export type PrincipalKind = Role | 'api-key';

const anyUser = ['admin', 'operator', 'agent'] as const satisfies PrincipalKind[];
const editors = ['admin', 'operator'] as const satisfies PrincipalKind[];
const admins = ['admin'] as const satisfies PrincipalKind[];

/**
 * The role policy: every API procedure and who may call it. The tRPC router names its procedures
 * exactly so (a typo fails to compile), and its middleware asks `isAllowed` before anything runs.
 * `public` needs no principal. Resource scopes (an API key's flows and environments) are checked
 * by the services, which know the resource.
 */
export const procedurePolicy = {
  'auth.signIn': 'public',
  'auth.signOut': anyUser,
  'auth.me': anyUser,

  'users.list': admins,
  'users.create': admins,
  'users.update': admins,
  'users.disable': admins,
  // Self only: the service changes the caller's own password.
  'users.changePassword': anyUser,

  'apiKeys.list': admins,
  'apiKeys.create': admins,
  'apiKeys.revoke': admins,

  'flows.list': anyUser,
  'flows.get': anyUser,
  'flows.export': anyUser,
  'flows.create': editors,
  'flows.rename': editors,
  'flows.delete': editors,
  'flows.import': editors,
  'flows.saveDraft': editors,
  'flows.layout': editors,

  'versions.list': editors,
  'versions.get': editors,
  'versions.diff': editors,
  'versions.publish': admins,

  'deployments.deploy': admins,
  'deployments.rollback': admins,
  'deployments.setTrafficSplit': admins,
  'deployments.deployPreview': admins,
  'deployments.history': editors,

  // Connectors hold API keys; admins and operators may try a flow from the designer.
  'conversations.start': ['api-key', 'admin', 'operator'],
  'conversations.send': ['api-key', 'admin', 'operator'],
  'conversations.reset': ['api-key', 'admin', 'operator'],
  'conversations.list': anyUser,
  'conversations.get': anyUser,
  'conversations.transcript': anyUser,
  // Live events (subscriptions), read like the transcript; an API key within its flows and environments.
  'events.conversation': ['admin', 'operator', 'agent', 'api-key'],
  'events.flow': ['admin', 'operator', 'agent', 'api-key'],

  // The designer's simulator runs drafts, which only editors see change; connectors run published versions.
  'simulator.start': editors,
  'simulator.send': editors,

  'audit.list': admins,
} as const satisfies Record<string, readonly PrincipalKind[] | 'public'>;

export type ProcedureName = keyof typeof procedurePolicy;

export const procedureNames = Object.keys(procedurePolicy) as ProcedureName[];

/** The policy's name for a principal; `system` (Parley itself) calls services directly, never the API. */
export function principalKind(principal: Principal): PrincipalKind | null {
  if (principal.type === 'user') return principal.role;
  if (principal.type === 'api-key') return 'api-key';
  return null;
}

/** Whether `principal` (null when nobody is signed in) may call `procedure`. */
export function isAllowed(principal: Principal | null, procedure: ProcedureName): boolean {
  const allowed: readonly PrincipalKind[] | 'public' = procedurePolicy[procedure];
  if (allowed === 'public') return true;
  const kind = principal ? principalKind(principal) : null;
  return kind !== null && allowed.includes(kind);
}

/** Words for a FORBIDDEN message, e.g. "only admin may call users.create". */
export function describeAccess(procedure: ProcedureName): string {
  const allowed: readonly PrincipalKind[] | 'public' = procedurePolicy[procedure];
  return allowed === 'public'
    ? `anyone may call ${procedure}`
    : `only ${allowed.join(', ')} may call ${procedure}`;
}
