import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../principal.ts';
import {
  describeAccess,
  isAllowed,
  type PrincipalKind,
  type ProcedureName,
  procedureNames,
} from './policy.ts';

const user = (role: Role): Principal => ({ type: 'user', id: `usr_${role}`, role, name: role });
const apiKey: Principal = { type: 'api-key', id: 'key_1', scopes: { flowIds: '*', environments: '*' } };
const principals: Record<PrincipalKind, Principal> = {
  admin: user('admin'),
  operator: user('operator'),
  agent: user('agent'),
  'api-key': apiKey,
};

const anyUser: PrincipalKind[] = ['admin', 'operator', 'agent'];
const editors: PrincipalKind[] = ['admin', 'operator'];
const admins: PrincipalKind[] = ['admin'];
const tryOut: PrincipalKind[] = ['api-key', 'admin', 'operator'];

/** The access rules as the issue states them, written out independently of policy.ts. */
const expected: Record<ProcedureName, PrincipalKind[] | 'public'> = {
  'auth.signIn': 'public',
  'auth.signOut': anyUser,
  'auth.me': anyUser,
  'users.list': admins,
  'users.create': admins,
  'users.update': admins,
  'users.disable': admins,
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
  'conversations.start': tryOut,
  'conversations.send': tryOut,
  'conversations.reset': tryOut,
  'conversations.list': anyUser,
  'conversations.get': anyUser,
  'conversations.transcript': anyUser,
  'events.conversation': [...anyUser, 'api-key'],
  'events.flow': [...anyUser, 'api-key'],
  'simulator.start': editors,
  'simulator.send': editors,
  'audit.list': admins,
};

describe('role policy', () => {
  it('names every procedure of the API, and only those', () => {
    expect([...procedureNames].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected) as [ProcedureName, PrincipalKind[] | 'public'][])(
    '%s is open to exactly %j',
    (procedure, allowed) => {
      for (const [kind, principal] of Object.entries(principals) as [PrincipalKind, Principal][]) {
        const want = allowed === 'public' || allowed.includes(kind);
        expect(isAllowed(principal, procedure), `${kind} on ${procedure}`).toBe(want);
      }
      expect(isAllowed(null, procedure), `nobody on ${procedure}`).toBe(allowed === 'public');
    },
  );

  it('keeps Parley-internal principals out of the API', () => {
    for (const procedure of procedureNames) {
      expect(isAllowed({ type: 'system', id: 'system' }, procedure)).toBe(procedure === 'auth.signIn');
    }
  });

  it('explains who may call a procedure', () => {
    expect(describeAccess('users.create')).toBe('only admin may call users.create');
    expect(describeAccess('conversations.send')).toBe(
      'only api-key, admin, operator may call conversations.send',
    );
  });
});
