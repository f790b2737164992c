import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowDocumentInput } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { readTranscript } from '../../services/conversations/conversation-queries.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';
import {
  apiKey,
  captureLogs,
  clientFor,
  liveFlow,
  Recorder,
  signedIn,
  startServer,
  summary,
} from '../events/testing/live-test-kit.ts';

/** An order API that answers only when the test lets it: a turn calling it stays in flight until then. */
async function slowOrderApi() {
  let arrived: () => void = () => {};
  const arrival = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server: Server = createServer((_request, response) => {
    arrived();
    void released.then(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'shipped' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arrival, release, close: () => server.close() };
}

/** Asks for an order number, looks it up on the order API and says its status; then asks again. */
const orderFlow = (apiUrl: string): FlowDocumentInput => ({
  id: 'orders',
  name: 'Orders',
  settings: { http: { allowedPrivateHosts: ['127.0.0.1'] } },
  variables: [
    { name: 'order', initial: '' },
    { name: 'status', initial: '' },
  ],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'ask', data: { prompt: 'Which order?', variable: 'order' } },
    {
      id: 'lookup',
      type: 'http-request',
      data: {
        url: `${apiUrl}/orders/{{order}}`,
        responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      },
    },
    {
      id: 'found',
      type: 'message',
      data: { messages: [{ type: 'text', text: 'Order {{order}} is {{status}}' }] },
    },
    { id: 'failed', type: 'message', data: { messages: [{ type: 'text', text: 'The lookup failed' }] } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourcePort: 'next', target: 'lookup' },
    { id: 'e3', source: 'lookup', sourcePort: 'success', target: 'found' },
    { id: 'e4', source: 'lookup', sourcePort: 'error', target: 'failed' },
    { id: 'e5', source: 'found', sourcePort: 'next', target: 'ask' },
    { id: 'e6', source: 'failed', sourcePort: 'next', target: 'ask' },
  ],
});

describe('closing the server', () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('lets the in-flight turn commit, refuses new requests, ends the streams, stops the timers, then closes the database', async () => {
    const api = await slowOrderApi();
    cleanup.push(api.close);
    const handle = await freshSqlite();
    cleanup.push(() => handle.drop());
    const logs = captureLogs('debug');
    const { server, url, trpcUrl } = await startServer(handle.database, {
      logger: logs.logger,
      jobPollMs: 20,
      keepDatabaseOpen: false,
    });
    const flowId = await liveFlow(handle.database, orderFlow(api.url));
    const agent = await signedIn(server, 'agent');
    const connector = clientFor(trpcUrl, {
      credential: await apiKey(server, { flowIds: '*', environments: '*' }),
    });
    const { conversationId } = await connector.conversations.start.mutate({
      flowId,
      environment: 'production',
      channel: 'web',
      address: 'shopper',
    });

    const watchers = { conversation: new Recorder(), flow: new Recorder() };
    clientFor(trpcUrl, { credential: agent }).events.conversation.subscribe(
      { conversationId },
      watchers.conversation,
    );
    clientFor(trpcUrl, { credential: agent }).events.flow.subscribe({ flowId }, watchers.flow);
    await watchers.flow.until(() => server.services.events.streams === 2, 'both streams to open');

    let answeredAt = 0;
    const slowTurn = connector.conversations.send
      .mutate({ conversationId, messageId: 'm1', event: { type: 'user.message', text: 'A-17' } })
      .then((reply) => {
        answeredAt = performance.now();
        return reply;
      });
    await api.arrival;

    let closedAt = 0;
    const closing = server.close().then(() => {
      closedAt = performance.now();
    });

    // While the turn waits on the API: new requests are refused and the server has not closed.
    const health = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(health);
    await expect(connector.conversations.list.query({})).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedAt).toBe(0);

    api.release();
    const reply = await slowTurn;
    await closing;
    expect(reply.messages).toEqual([
      { type: 'text', text: 'Order A-17 is shipped' },
      { type: 'text', text: 'Which order?' },
    ]);
    expect(answeredAt).toBeGreaterThan(0);
    expect(closedAt).toBeGreaterThan(answeredAt);

    // The streams sent the committed turn, then were ended by the server (not failed).
    await watchers.conversation.until((r) => r.completed, 'the conversation stream to end');
    await watchers.flow.until((r) => r.completed, 'the flow stream to end');
    expect(watchers.conversation.events.map(summary)).toEqual([
      '1 turn user.message:A-17 -> Order A-17 is shipped | Which order?',
    ]);
    expect(watchers.flow.events.map(summary)).toEqual([
      '1 turn user.message:A-17 -> Order A-17 is shipped | Which order?',
    ]);
    expect([watchers.conversation.error, watchers.flow.error]).toEqual([null, null]);
    expect(server.services.events.streams).toBe(0);

    // The database is closed; had the timer runner kept polling, it would now be failing.
    await expect(handle.database.ping()).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(logs.lines().filter((line) => line.msg === 'durable timer failed')).toEqual([]);
    expect(logs.lines().at(-1)?.msg).toBe('server closed');

    // The turn was committed: a restarted runtime finds it in the transcript.
    const reopened = await handle.reopen();
    const transcript = await readTranscript(reopened.db, reopened.tables, conversationId);
    expect(transcript.filter((row) => row.turn === 1).map((row) => row.body)).toEqual([
      { type: 'user.message', text: 'A-17' },
      { type: 'text', text: 'Order A-17 is shipped' },
      { type: 'text', text: 'Which order?' },
    ]);
  });
});
