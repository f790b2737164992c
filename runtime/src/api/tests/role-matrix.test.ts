import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeAccess,
  type PrincipalKind,
  type ProcedureName,
  procedureNames,
  procedurePolicy,
} from '../../services/auth/policy.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';
import {
  type ApiTestKit,
  type CallerKind,
  callerKinds,
  liveFlow,
  PASSWORD,
  people,
  publishRelabelled,
  refusal,
  startApiKit,
  storedUser,
  storeSnapshot,
  supportFlow,
  throwawayUser,
} from './api-test-kit.ts';
import { callByName, type InputOf, routerProcedureNames } from './procedures-by-name.ts';

/*
 * Every procedure of the API against every kind of caller, through the real server: the callers the role
 * policy allows succeed with a valid input; anyone else is refused (UNAUTHORIZED when anonymous,
 * FORBIDDEN otherwise) and the refused call changes nothing in the store.
 */

type Fixture = {
  kit: ApiTestKit;
  /** The support flow: v1 live in production, v2 published. */
  flowId: string;
  /** A conversation going on in production. */
  conversationId: string;
};

type Case<P extends ProcedureName> = {
  /** A valid input, built afresh for every caller so calls that use up their target get their own. */
  input: (fixture: Fixture) => Promise<InputOf<P>>;
  /** Acts on the caller's own account or session: an allowed user calls as a user of their role made for it. */
  ownAccount?: true;
  /** For a subscription that only sends what happens after it opens: makes something happen. */
  poke?: (fixture: Fixture) => Promise<unknown>;
};

let count = 0;
const unique = (prefix: string) => `${prefix}-${++count}`;

const noInput = async (): Promise<undefined> => undefined;

async function startConversation(kit: ApiTestKit, flowId: string) {
  return kit.services.conversations.start(systemPrincipal, {
    flowId,
    environment: 'production',
    channel: 'web',
    address: unique('browser'),
  });
}

/** One valid call per procedure; a procedure added to the policy without a case here fails to compile. */
const cases: { [P in ProcedureName]: Case<P> } = {
  'auth.signIn': { input: async () => ({ email: people.agent.email, password: PASSWORD }) },
  'auth.signOut': { input: noInput, ownAccount: true },
  'auth.me': { input: noInput },

  'users.list': { input: noInput },
  'users.create': {
    input: async () => ({
      email: `${unique('new')}@example.com`,
      name: 'Katherine Johnson',
      role: 'agent',
      password: PASSWORD,
    }),
  },
  'users.update': {
    input: async (f) => ({ id: (await storedUser(f.kit, 'agent')).id, name: 'Dorothy Vaughan' }),
  },
  'users.disable': { input: async (f) => ({ id: (await storedUser(f.kit, 'agent')).id }) },
  'users.changePassword': {
    input: async () => ({ currentPassword: PASSWORD, newPassword: 'a different long passphrase' }),
    ownAccount: true,
  },

  'apiKeys.list': { input: noInput },
  'apiKeys.create': {
    input: async ({ flowId }) => ({
      name: 'kiosk',
      scopes: { flowIds: [flowId], environments: ['production'] },
    }),
  },
  'apiKeys.revoke': {
    input: async ({ kit }) => {
      const { apiKey } = await kit.services.auth.createApiKey(systemPrincipal, {
        name: 'old kiosk',
        scopes: { flowIds: '*', environments: '*' },
      });
      return { id: apiKey.id };
    },
  },

  'flows.list': { input: noInput },
  'flows.get': { input: async ({ flowId }) => ({ flowId }) },
  'flows.export': { input: async ({ flowId }) => ({ flowId }) },
  'flows.create': { input: async () => ({ name: 'Returns' }) },
  'flows.rename': { input: async ({ flowId }) => ({ flowId, name: unique('Support desk') }) },
  'flows.delete': {
    input: async ({ kit }) => ({
      flowId: (await kit.services.flows.create(systemPrincipal, { name: 'Scratch' })).id,
    }),
  },
  'flows.import': { input: async () => ({ flow: supportFlow() }) },
  'flows.layout': {
    input: async () => ({
      nodes: [
        { id: 'start', width: 240, height: 80, input: false, outputs: ['next'] },
        { id: 'end', width: 240, height: 60, input: true, outputs: [] },
      ],
      edges: [{ source: 'start', port: 'next', target: 'end' }],
    }),
  },
  'flows.saveDraft': {
    input: async ({ kit, flowId }) => {
      const flow = await kit.services.flows.get(flowId);
      return { flowId, draft: flow.draft, baseRevision: flow.revision };
    },
  },

  'versions.list': { input: async ({ flowId }) => ({ flowId }) },
  'versions.get': { input: async ({ flowId }) => ({ flowId, versionNumber: 1 }) },
  'versions.diff': { input: async ({ flowId }) => ({ flowId, from: 1, to: 2 }) },
  'versions.publish': { input: async ({ flowId }) => ({ flowId, notes: 'from the matrix' }) },

  'deployments.deploy': {
    input: async ({ flowId }) => ({ flowId, environment: 'staging', versionNumber: 2 }),
  },
  'deployments.rollback': {
    // v1 then v2 in `qa`, so there is always an earlier version to go back to.
    input: async ({ kit, flowId }) => {
      await kit.services.flows.deploy(systemPrincipal, flowId, 'qa', 1);
      await kit.services.flows.deploy(systemPrincipal, flowId, 'qa', 2);
      return { flowId, environment: 'qa' };
    },
  },
  'deployments.setTrafficSplit': {
    input: async ({ flowId }) => ({ flowId, environment: 'production', versionNumber: 2, percent: 10 }),
  },
  'deployments.deployPreview': {
    input: async ({ flowId }) => ({ flowId, environment: 'production', versionNumber: 2 }),
  },
  'deployments.history': { input: async ({ flowId }) => ({ flowId }) },

  'conversations.start': {
    input: async ({ flowId }) => ({
      flowId,
      environment: 'production',
      channel: 'web',
      address: unique('browser'),
    }),
  },
  'conversations.send': {
    input: async ({ conversationId }) => ({
      conversationId,
      event: { type: 'user.message', text: 'hello' },
      messageId: unique('msg'),
    }),
  },
  'conversations.reset': {
    input: async (f) => ({ conversationId: (await startConversation(f.kit, f.flowId)).conversationId }),
  },
  'conversations.list': { input: async ({ flowId }) => ({ flowId }) },
  'conversations.get': { input: async ({ conversationId }) => ({ conversationId }) },
  'conversations.transcript': { input: async ({ conversationId }) => ({ conversationId }) },

  // fromTurn 0 replays the transcript, so the stream sends at once.
  'events.conversation': { input: async ({ conversationId }) => ({ conversationId, fromTurn: 0 }) },
  'events.flow': {
    input: async ({ flowId }) => ({ flowId, environment: 'production' }),
    poke: ({ kit, conversationId }) =>
      kit.services.conversations.send(systemPrincipal, {
        conversationId,
        event: { type: 'user.message', text: 'anyone there?' },
        messageId: unique('poke'),
      }),
  },

  // A draft runs without being published; `send` goes on from a session the simulator started.
  'simulator.start': { input: async ({ flowId }) => ({ flowId, channel: 'web' }) },
  'simulator.send': {
    input: async ({ kit, flowId }) => {
      const { session } = await kit.services.simulator.start(systemPrincipal, { flowId, channel: 'web' });
      return { flowId, session, event: { type: 'user.message', text: 'hello' } };
    },
  },

  'audit.list': { input: async () => ({ limit: 5 }) },
};

const allowed = (name: ProcedureName, caller: CallerKind): boolean => {
  const policy: readonly PrincipalKind[] | 'public' = procedurePolicy[name];
  return policy === 'public' || (caller !== 'anonymous' && policy.includes(caller));
};

describe('the role policy, enforced over HTTP', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    const kit = await startApiKit(freshSqlite);
    const flowId = await liveFlow(kit);
    await publishRelabelled(kit, flowId, 'v2');
    fixture = {
      kit,
      flowId,
      conversationId: (await startConversation(kit, flowId)).conversationId,
    };
  });
  afterAll(() => fixture?.kit.close());

  it('serves exactly the procedures the policy names', () => {
    expect(routerProcedureNames().sort()).toEqual([...procedureNames].sort());
  });

  /** The credential to call with: ownAccount calls by an allowed user use a user made for the call. */
  async function credentialFor(name: ProcedureName, caller: CallerKind): Promise<string | null> {
    const { kit } = fixture;
    if (cases[name].ownAccount && allowed(name, caller) && caller !== 'anonymous' && caller !== 'api-key') {
      return (await throwawayUser(kit, caller)).token;
    }
    return kit.credentials[caller];
  }

  /** Prepares a valid call; running it is kept apart so the store can be read just before. */
  async function call(name: ProcedureName, caller: CallerKind) {
    const { input, poke } = cases[name];
    const valid: unknown = await input(fixture);
    const client = fixture.kit.untypedWith(await credentialFor(name, caller));
    // Only an allowed call may poke: a refused one must leave the store as it was.
    const pokeIt = poke && allowed(name, caller) ? () => poke(fixture) : undefined;
    return () => callByName(client, name, valid, pokeIt);
  }

  describe.each(procedureNames)('%s', (name) => {
    it.each(callerKinds.filter((caller) => allowed(name, caller)))('succeeds for %s', async (caller) => {
      const run = await call(name, caller);
      await run();
    });

    it.each(callerKinds.filter((caller) => !allowed(name, caller)))(
      'refuses %s and changes nothing',
      async (caller) => {
        const run = await call(name, caller);
        const before = await storeSnapshot(fixture.kit.database);
        const error = await refusal(run());
        if (caller === 'anonymous') {
          expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
          expect(error.message).toBe(`sign in, or send an API key, to call ${name}`);
        } else {
          expect(error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
          expect(error.message).toBe(describeAccess(name));
        }
        expect(await storeSnapshot(fixture.kit.database)).toEqual(before);
      },
    );
  });

  it('refuses an API key outside its environments and changes nothing', async () => {
    const { kit, flowId } = fixture;
    await kit.services.flows.deploy(systemPrincipal, flowId, 'staging', 1);
    const before = await storeSnapshot(kit.database);
    const error = await refusal(
      kit
        .as('api-key')
        .conversations.start.mutate({ flowId, environment: 'staging', channel: 'web', address: 'x' }),
    );
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    expect(error.message).toContain('the staging environment');
    expect(await storeSnapshot(kit.database)).toEqual(before);
  });

  it('treats an unknown, malformed or signed-out credential as anonymous', async () => {
    const { kit } = fixture;
    const { token, client } = await throwawayUser(kit, 'admin');
    await client.auth.signOut.mutate();
    for (const credential of [token, 'not-a-token', 'pk_unknown_secret']) {
      const error = await refusal(kit.clientWith(credential).flows.list.query());
      expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    }
  });
});
