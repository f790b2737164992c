import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { FlowDocumentInput } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestKit, startApiKit } from '../../api/tests/api-test-kit.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';

/* A simulated HTTP node calls out through the server's runtime dependencies, as in production. */

type HttpRequest = Parameters<RuntimeDeps['http']>[0];

/** start -> call (GET the order) -> "Your order is {{state}}" -> resolved; an HTTP error ends unresolved. */
const orderFlow: FlowDocumentInput = {
  id: 'orders',
  name: 'Orders',
  variables: [{ name: 'state' }, { name: 'failure' }],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'call',
      type: 'http-request',
      data: {
        url: 'https://api.example.com/orders/42',
        responseMapping: [{ variable: 'state', expression: 'response.body.state' }],
        errorVariable: 'failure',
      },
    },
    { id: 'said', type: 'message', data: { messages: [{ type: 'text', text: 'Your order is {{state}}' }] } },
    { id: 'done', type: 'end', data: { status: 'resolved' } },
    { id: 'failed', type: 'end', data: { status: 'unresolved' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'call' },
    { id: 'e2', source: 'call', sourcePort: 'success', target: 'said' },
    { id: 'e3', source: 'call', sourcePort: 'error', target: 'failed' },
    { id: 'e4', source: 'said', sourcePort: 'next', target: 'done' },
  ],
};

describe('the simulator calling out', () => {
  let kit: ApiTestKit;
  const requests: HttpRequest[] = [];

  beforeAll(async () => {
    kit = await startApiKit(freshSqlite, {
      runtimeDeps: {
        http: async (request) => {
          requests.push(request);
          return {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: '{"state":"shipped"}',
          };
        },
        lookup: async () => ['93.184.216.34'],
      },
    });
  });
  afterAll(() => kit?.close());

  it("runs an HTTP node through the server's transport", async () => {
    const operator = kit.as('operator');
    const { id: flowId } = await operator.flows.import.mutate({ flow: orderFlow });
    const answer = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    expect(requests.map((r) => `${r.method} ${r.url.href}`)).toEqual([
      'GET https://api.example.com/orders/42',
    ]);
    expect(answer).toMatchObject({
      messages: [
        { type: 'text', text: 'Your order is shipped' },
        { type: 'end', status: 'resolved' },
      ],
      node: 'done',
      vars: { state: 'shipped', failure: null },
      resolution: 'resolved',
      session: { status: 'ended' },
    });
  });
});
