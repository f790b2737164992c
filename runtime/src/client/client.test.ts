import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParleyClient, isTRPCClientError, signIn } from './index.ts';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The tRPC code of a rejected call, or a failure when it did not reject. */
async function codeOf(call: Promise<unknown>): Promise<string | undefined> {
  const error = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isTRPCClientError(error)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return error.data?.code;
}

describe('createParleyClient', () => {
  it('calls the API with a session token, batching calls made together', async () => {
    const client = createParleyClient({ url: server.url, token: server.adminToken });
    const [me, flows] = await Promise.all([client.auth.me.query(), client.flows.list.query()]);
    expect(me.email).toBe(ADMIN.email);
    expect(flows.map((flow) => flow.name).sort()).toEqual(['Order status', 'Password reset']);
  });

  it('accepts the server URL with or without /trpc and a trailing slash', async () => {
    for (const url of [`${server.url}/`, `${server.url}/trpc`, `${server.url}/trpc/`]) {
      const client = createParleyClient({ url, token: server.adminToken });
      expect((await client.auth.me.query()).email).toBe(ADMIN.email);
    }
  });

  it('talks to a flow with an API key, by channel address', async () => {
    const client = createParleyClient({ url: server.url, token: server.apiKey });
    const flowId = server.flows['Password reset'] ?? '';
    const where = { flowId, environment: 'development', channel: 'test', address: randomUUID() };
    const first = await client.conversations.send.mutate({
      ...where,
      event: { type: 'user.message', text: 'hi' },
      messageId: 'm1',
    });
    expect(first.messages[0]).toMatchObject({ type: 'choices', text: 'Hi! What can I help you with?' });
    const second = await client.conversations.send.mutate({
      ...where,
      event: { type: 'user.choice', value: 'other' },
      messageId: 'm2',
    });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.status).toBe('ended');
    // An API key is for conversations only.
    expect(await codeOf(client.flows.list.query())).toBe('FORBIDDEN');
  });

  it('answers UNAUTHORIZED without a token or with an unknown one', async () => {
    expect(await codeOf(createParleyClient({ url: server.url }).flows.list.query())).toBe('UNAUTHORIZED');
    const stranger = createParleyClient({ url: server.url, token: 'not-a-session' });
    expect(await codeOf(stranger.flows.list.query())).toBe('UNAUTHORIZED');
  });

  it('refuses a URL that is not one, naming it', () => {
    expect(() => createParleyClient({ url: 'localhost:4800' })).toThrow(
      '"localhost:4800" is not a URL; give the server\'s address, like http://127.0.0.1:4800',
    );
  });
});

describe('signIn', () => {
  it('returns a client that sends the new session token', async () => {
    const session = await signIn(server.url, ADMIN.email, ADMIN.password);
    expect(session.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(session.token).not.toBe(server.adminToken);
    expect((await session.client.auth.me.query()).name).toBe('Ada Lovelace');
  });

  it('rejects a wrong password with UNAUTHORIZED', async () => {
    expect(await codeOf(signIn(server.url, ADMIN.email, 'wrong password!!'))).toBe('UNAUTHORIZED');
  });
});
