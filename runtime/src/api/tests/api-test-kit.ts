import type { FlowDocument, FlowDocumentInput } from '@parley/shared';
import {
  createTRPCClient,
  createTRPCUntypedClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  TRPCClientError,
  type TRPCUntypedClient,
} from '@trpc/client';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { EventSource } from 'eventsource';
import pino from 'pino';
import {
  createParleyServer,
  type ParleyServer,
  type ParleyServerOptions,
} from '../../server/parley-server.ts';
import { hashPassword } from '../../services/auth/password-hash.ts';
import type { PrincipalKind } from '../../services/auth/policy.ts';
import type { UserView } from '../../services/auth/user-view.ts';
import { newId } from '../../services/clock.ts';
import { type Role, systemPrincipal } from '../../services/principal.ts';
import type { Database } from '../../store/database.ts';
import type { TestDatabase } from '../../store/testing/test-databases.ts';
import type { ParleyServices } from '../context.ts';
import type { AppRouter } from '../router.ts';

/*
 * Shared setup for the API integration suites: the real server on a test database, listening on a
 * free port, called through the official tRPC client with one bearer credential per kind of caller.
 */

export type CallerKind = PrincipalKind | 'anonymous';
export const callerKinds = [
  'anonymous',
  'admin',
  'operator',
  'agent',
  'api-key',
] as const satisfies CallerKind[];

export type ApiClient = TRPCClient<AppRouter>;

export const PASSWORD = 'correct horse battery staple';

export const people = {
  admin: { email: 'ada@example.com', name: 'Ada Lovelace' },
  operator: { email: 'grace@example.com', name: 'Grace Hopper' },
  agent: { email: 'alan@example.com', name: 'Alan Turing' },
} as const satisfies Record<Role, { email: string; name: string }>;

export type ApiTestKit = {
  server: ParleyServer;
  services: ParleyServices;
  database: Database;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `<baseUrl>/trpc` */
  trpcUrl: string;
  /** The bearer credential of each caller kind; null for anonymous. */
  credentials: Record<CallerKind, string | null>;
  /** The typed client of a caller kind. */
  as(kind: CallerKind): ApiClient;
  /**
   * A typed client of a caller kind that sends calls made together in batches of 50 (`httpBatchLink`):
   * for the suites that make a thousand calls, where one HTTP request per call would be most of the time.
   */
  batchAs(kind: CallerKind): ApiClient;
  /** A typed client sending `credential` (a session token or API key), or none. */
  clientWith(credential: string | null): ApiClient;
  /** An untyped client, for calling procedures by name (`callByName`); subscriptions go over SSE. */
  untypedWith(credential: string | null): TRPCUntypedClient<AppRouter>;
  close(): Promise<void>;
};

let userCount = 0;

/** `runtimeDeps` stands in for the network of the flows' HTTP nodes. */
export type ApiKitOptions = Pick<ParleyServerOptions, 'maxBodyBytes' | 'runtimeDeps'>;

/**
 * Starts the API on a fresh test database with a signed-in admin (Ada Lovelace), operator (Grace
 * Hopper) and agent (Alan Turing), and an API key for every flow in production.
 */
export async function startApiKit(
  open: () => Promise<TestDatabase>,
  options: ApiKitOptions = {},
): Promise<ApiTestKit> {
  const handle = await open();
  const { database } = handle;
  // The test database is dropped (and closed) by its handle, after the server has stopped.
  // Conversation ids decide traffic-split buckets: a fixed sequence keeps the split tests repeatable.
  let conversations = 0;
  const server = createParleyServer({
    database: { ...database, close: async () => {} },
    logger: pino({ level: 'silent' }),
    newConversationId: () => `conv_test_${++conversations}`,
    ...options,
  });
  const baseUrl = await server.listen(0);
  const trpcUrl = `${baseUrl}/trpc`;
  const headers = (credential: string | null) =>
    credential === null ? {} : { authorization: `Bearer ${credential}` };
  const clientWith = (credential: string | null): ApiClient =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: trpcUrl, headers: headers(credential) })] });
  const untypedWith = (credential: string | null) =>
    createTRPCUntypedClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({
            url: trpcUrl,
            EventSource,
            // The same bearer header as every other call, through the EventSource's fetch.
            eventSourceOptions: {
              fetch: (input, init) => {
                const merged = new Headers(init?.headers);
                if (credential !== null) merged.set('authorization', `Bearer ${credential}`);
                return fetch(input, { ...init, headers: merged });
              },
            },
          }),
          false: httpLink({ url: trpcUrl, headers: headers(credential) }),
        }),
      ],
    });

  const [admin, operator, agent] = await Promise.all(
    (['admin', 'operator', 'agent'] as const).map(async (role) => {
      await server.services.auth.createUser(systemPrincipal, { ...people[role], role, password: PASSWORD });
      return (await clientWith(null).auth.signIn.mutate({ email: people[role].email, password: PASSWORD }))
        .token;
    }),
  );
  if (!admin || !operator || !agent) throw new Error('the test users did not sign in');
  const { key } = await clientWith(admin).apiKeys.create.mutate({
    name: 'website chat',
    scopes: { flowIds: '*', environments: ['production'] },
  });
  const credentials: Record<CallerKind, string | null> = {
    anonymous: null,
    admin,
    operator,
    agent,
    'api-key': key,
  };
  const clients = new Map<CallerKind, ApiClient>();

  return {
    server,
    services: server.services,
    database,
    baseUrl,
    trpcUrl,
    credentials,
    as(kind) {
      const client = clients.get(kind) ?? clientWith(credentials[kind]);
      clients.set(kind, client);
      return client;
    },
    batchAs: (kind) =>
      createTRPCClient<AppRouter>({
        links: [httpBatchLink({ url: trpcUrl, maxItems: 50, headers: headers(credentials[kind]) })],
      }),
    clientWith,
    untypedWith,
    async close() {
      await server.close();
      await handle.drop();
    },
  };
}

let knownHash: Promise<string> | undefined;

/**
 * A user of `role` stored for one test, with the password PASSWORD. Stored directly with a hash made once:
 * scrypt is slow on purpose, and suites make many of these.
 */
export async function storedUser(kit: ApiTestKit, role: Role): Promise<UserView> {
  knownHash ??= hashPassword(PASSWORD);
  const passwordHash = await knownHash;
  const n = ++userCount;
  const user = {
    id: newId('usr'),
    email: `user-${n}@example.com`,
    name: `Temp ${role} ${n}`,
    role,
    createdAt: Date.now(),
    disabledAt: null,
  };
  await kit.database.transaction((tx) =>
    tx.insert(kit.database.tables.users).values({ ...user, passwordHash }),
  );
  return user;
}

/** A signed-in user of `role` made for one test: for calls that change or end the caller's own account. */
export async function throwawayUser(kit: ApiTestKit, role: Role) {
  const user = await storedUser(kit, role);
  const { token } = await kit.clientWith(null).auth.signIn.mutate({ email: user.email, password: PASSWORD });
  return { user, token, client: kit.clientWith(token) };
}

/**
 * A support flow: greets, asks what it can do (the question names `label`, so a reply shows which
 * version said it), echoes the answer and asks again. It never ends by itself.
 */
export function supportFlow(label = 'v1'): FlowDocumentInput {
  return {
    id: 'support',
    name: 'Support',
    variables: [{ name: 'last', initial: '' }],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'greet',
        type: 'message',
        data: { messages: [{ type: 'text', text: 'Hello, this is support' }] },
      },
      { id: 'ask', type: 'ask', data: { prompt: promptOf(label), variable: 'last' } },
      { id: 'echo', type: 'message', data: { messages: [{ type: 'text', text: 'You said: {{last}}' }] } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'greet' },
      { id: 'e2', source: 'greet', sourcePort: 'next', target: 'ask' },
      { id: 'e3', source: 'ask', sourcePort: 'next', target: 'echo' },
      { id: 'e4', source: 'echo', sourcePort: 'next', target: 'ask' },
    ],
  };
}

/** What the support flow's question says in the version labelled `label`. */
export const promptOf = (label: string) => `What can I do for you? (${label})`;

export const text = (value: string) => ({ type: 'text', text: value });

/** The draft with its question relabelled, as an author would edit it in the designer. */
export function relabelled(draft: FlowDocument, label: string): FlowDocument {
  const next = structuredClone(draft);
  const ask = next.nodes.find((node) => node.id === 'ask');
  if (!ask) throw new Error('the support flow has no "ask" node');
  ask.data = { ...ask.data, prompt: promptOf(label) };
  return next;
}

/** Imports the support flow (as the operator), publishes it as v1 and deploys it to production (as the admin). */
export async function liveFlow(kit: ApiTestKit, environment = 'production') {
  const flow = await kit.as('operator').flows.import.mutate({ flow: supportFlow('v1') });
  await kit.as('admin').versions.publish.mutate({ flowId: flow.id, notes: 'v1' });
  await kit.as('admin').deployments.deploy.mutate({ flowId: flow.id, environment, versionNumber: 1 });
  return flow.id;
}

/** Saves the draft with its question relabelled (as the operator) and publishes it; returns the new number. */
export async function publishRelabelled(kit: ApiTestKit, flowId: string, label: string): Promise<number> {
  const operator = kit.as('operator');
  const flow = await operator.flows.get.query({ flowId });
  await operator.flows.saveDraft.mutate({
    flowId,
    draft: relabelled(flow.draft, label),
    baseRevision: flow.revision,
  });
  const { version } = await kit.as('admin').versions.publish.mutate({ flowId, notes: label });
  return version.number;
}

/** Every row of every table, to show a refused call changed nothing. */
export async function storeSnapshot(database: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(database.tables) as [string, SQLiteTable][]) {
    const rows = await database.db.select().from(table);
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** The TRPCClientError a call is refused with; fails the test when the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('value' in outcome) {
    throw new Error(`expected the call to be refused, it answered ${JSON.stringify(outcome.value)}`);
  }
  if (!(outcome.error instanceof TRPCClientError)) {
    throw new Error(`expected a TRPCClientError, got ${String(outcome.error)}`);
  }
  return outcome.error;
}
