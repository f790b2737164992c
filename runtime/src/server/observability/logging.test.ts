import type { FlowDocumentInput } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedHashes } from '../../services/auth/testing/auth-test-kit.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { freshSqlite, type TestDatabase } from '../../store/testing/test-databases.ts';
import {
  captureLogs,
  clientFor,
  type LogCapture,
  liveFlow,
  Recorder,
  type Running,
  startServer,
} from '../events/testing/live-test-kit.ts';

/** Asks for a nickname, then for a card number, which the flow marks sensitive. */
const paymentFlow: FlowDocumentInput = {
  id: 'payment',
  name: 'Payment',
  variables: [
    { name: 'nickname', type: 'string', initial: '' },
    { name: 'card', type: 'string', initial: '', sensitive: true },
  ],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'askName', type: 'ask', data: { prompt: 'What should I call you?', variable: 'nickname' } },
    { id: 'askCard', type: 'ask', data: { prompt: 'Your card number, {{nickname}}?', variable: 'card' } },
    { id: 'done', type: 'end', data: { status: 'resolved', message: 'Thank you' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'askName' },
    { id: 'e2', source: 'askName', sourcePort: 'next', target: 'askCard' },
    { id: 'e3', source: 'askCard', sourcePort: 'next', target: 'done' },
  ],
};

const FIRST_PASSWORD = 'first secret passphrase 1';
const SECOND_PASSWORD = 'second secret passphrase 2';
const WRONG_PASSWORD = 'a wrong guess at the password';
const CARD = '4111 1111 1111 1111';

describe('server logs', () => {
  let handle: TestDatabase;
  let running: Running;
  let logs: LogCapture;
  const secrets: Record<string, string> = {};
  let conversationId = '';

  beforeAll(async () => {
    handle = await freshSqlite();
    logs = captureLogs('trace');
    running = await startServer(handle.database, { logger: logs.logger });
    const flowId = await liveFlow(handle.database, paymentFlow);
    await running.server.services.auth.createUser(systemPrincipal, {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'admin',
      password: FIRST_PASSWORD,
    });

    // Everything below goes through HTTP, as a person and a connector would.
    const anonymous = clientFor(running.trpcUrl);
    await expect(
      anonymous.auth.signIn.mutate({ email: 'ada@example.com', password: WRONG_PASSWORD }),
    ).rejects.toThrow();
    const first = await anonymous.auth.signIn.mutate({ email: 'ada@example.com', password: FIRST_PASSWORD });
    const admin = clientFor(running.trpcUrl, { credential: first.token });
    const { key } = await admin.apiKeys.create.mutate({
      name: 'website chat',
      scopes: { flowIds: '*', environments: ['production'] },
    });
    const connector = clientFor(running.trpcUrl, { credential: key });
    ({ conversationId } = await connector.conversations.start.mutate({
      flowId,
      environment: 'production',
      channel: 'web',
      address: 'visitor',
    }));
    // A browser's subscription carries its token in the URL (connection params).
    const watcher = new Recorder();
    const subscription = clientFor(running.trpcUrl, {
      connectionParamsCredential: first.token,
    }).events.conversation.subscribe({ conversationId }, watcher);
    await watcher.until(() => running.server.services.events.streams === 1, 'the stream to open');
    const event = (text: string) => ({ type: 'user.message' as const, text });
    await connector.conversations.send.mutate({ conversationId, messageId: 'm1', event: event('Ada') });
    await connector.conversations.send.mutate({ conversationId, messageId: 'm2', event: event(CARD) });
    await watcher.until((r) => r.completed, 'the conversation to end');
    subscription.unsubscribe();
    await admin.users.changePassword.mutate({
      currentPassword: FIRST_PASSWORD,
      newPassword: SECOND_PASSWORD,
    });
    const second = await anonymous.auth.signIn.mutate({
      email: 'ada@example.com',
      password: SECOND_PASSWORD,
    });
    await watcher.until(
      () => logs.lines().some((line) => String(line.path).startsWith('/trpc/events.conversation')),
      'the subscription to be logged',
    );

    Object.assign(secrets, {
      'the first password': FIRST_PASSWORD,
      'the second password': SECOND_PASSWORD,
      'the wrong password': WRONG_PASSWORD,
      'the first session token': first.token,
      'the second session token': second.token,
      'the API key': key,
      'the card number (sensitive)': CARD,
    });
    for (const [index, hash] of (await storedHashes(handle.database)).entries())
      secrets[`stored hash ${index}`] = hash;
  });
  afterAll(async () => {
    await running?.server.close();
    await handle?.drop();
  });

  it('never hold a password, token, API key, stored hash or sensitive variable', () => {
    const text = logs.text();
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(10);
    for (const [what, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `${what} appears in the logs`).toBe(false);
      // Also not URL-encoded, as it would be in a logged query string.
      expect(text.includes(encodeURIComponent(secret)), `${what} appears URL-encoded in the logs`).toBe(
        false,
      );
    }
  });

  it('log each request by method, path, status and duration, without its body or query', () => {
    const requests = logs.lines().filter((line) => line.msg === 'request');
    const paths = requests.map((line) => `${line.method} ${line.path} ${line.status}`);
    expect(paths).toContain('POST /trpc/auth.signIn 401');
    expect(paths).toContain('POST /trpc/auth.signIn 200');
    expect(paths).toContain('POST /trpc/users.changePassword 200');
    expect(paths).toContain('GET /trpc/events.conversation 200');
    for (const line of requests) {
      expect(Object.keys(line).sort()).toEqual(
        ['level', 'method', 'ms', 'msg', 'path', 'pid', 'hostname', 'status', 'time'].sort(),
      );
      expect(String(line.path)).not.toContain('?');
    }
  });

  it('log each turn with its conversation, flow and version, and the variables with sensitive ones masked', () => {
    const turns = logs.lines().filter((line) => line.msg === 'turn');
    expect(turns.map((line) => [line.turn, line.cause, line.node, line.status])).toEqual([
      [0, 'start', 'askName', 'active'],
      [1, 'user.message', 'askCard', 'active'],
      [2, 'user.message', 'done', 'ended'],
    ]);
    for (const line of turns) {
      expect(line).toMatchObject({
        conversationId,
        flowId: 'payment',
        environment: 'production',
        version: 1,
      });
    }
    const variables = logs.lines().filter((line) => line.msg === 'turn variables');
    expect(variables.at(-1)).toMatchObject({
      conversationId,
      vars: { nickname: 'Ada', card: '[sensitive]' },
    });
  });
});
