import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile-flow.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { httpRequestConfigSchema, httpRequestNode } from './definition.ts';
import { callOnce, httpFlow } from './http-fixtures.ts';
import { sendJson, startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;
let flakyCalls = 0;

beforeAll(async () => {
  server = await startTestServer({
    '/orders/AB-1001': (_req, res) => {
      res.setHeader('x-request-id', 'req-42');
      sendJson(res, 200, { status: 'shipped', items: [{ sku: 'tea' }, { sku: 'cake' }] });
    },
    '/missing': (_req, res) => sendJson(res, 404, { error: 'no such order' }),
    '/plain': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('pong');
    },
    '/echo': (req, res) =>
      sendJson(res, 201, { received: JSON.parse(req.body), auth: req.headers.authorization }),
    '/slow': async (_req, res) => {
      await sleep(2_000);
      sendJson(res, 200, { late: true });
    },
    '/brief-wait': async (_req, res) => {
      await sleep(300);
      sendJson(res, 200, { status: 'ready' });
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(2 * 1024 * 1024));
    },
    '/old': (_req, res) => {
      res.writeHead(302, { location: '/orders/AB-1001' });
      res.end();
    },
    '/submit': (_req, res) => {
      res.writeHead(303, { location: '/plain' });
      res.end();
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/flaky': (_req, res) => {
      flakyCalls += 1;
      sendJson(res, flakyCalls === 1 ? 503 : 200, { attempt: flakyCalls });
    },
  });
});
afterAll(() => server.close());

const receivedAt = (path: string) => server.received.filter((r) => r.path === path);

describe('http-request node: definition', () => {
  it('fills in its defaults', () => {
    expect(httpRequestConfigSchema.parse(httpRequestNode.defaults)).toEqual({
      method: 'GET',
      url: 'https://api.example.com/',
      headers: [],
      responseMapping: [],
    });
  });

  it('refuses unknown methods and timeouts outside 100 ms to 60 s', () => {
    const parse = (extra: object) => httpRequestConfigSchema.safeParse({ url: 'https://x.test/', ...extra });
    expect(parse({ method: 'TRACE' }).success).toBe(false);
    expect(parse({ timeoutMs: 50 }).success).toBe(false);
    expect(parse({ timeoutMs: 120_000 }).success).toBe(false);
    expect(parse({ timeoutMs: 2_000 }).success).toBe(true);
  });

  it('declares its templates, its mappings reading `response`, and the variables it writes', () => {
    const config = httpRequestConfigSchema.parse({
      url: 'https://x.test/{{orderId}}',
      headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
      responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      errorVariable: 'failure',
    });
    expect(httpRequestNode.expressions(config)).toContainEqual({
      path: 'responseMapping.0.expression',
      source: 'response.body.status',
      kind: 'expression',
      extraNames: ['response'],
    });
    expect(httpRequestNode.writes(config)).toEqual(['status', 'failure']);
  });
});

describe('http-request node: compile', () => {
  it('spawns the call on entry, stops it on exit and routes its done and error events', () => {
    const flow = httpFlow(
      {
        method: 'POST',
        url: 'https://api.example.com/orders/{{orderId}}',
        headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
        body: '{"customer": "{{customer}}"}',
        responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      },
      { allowedPrivateHosts: ['orders.internal'], defaultTimeoutMs: 2_500 },
    );
    expect(compiledState(flow, 'call')).toMatchSnapshot();
  });

  it('uses the node timeout over the flow default', () => {
    const flow = httpFlow({ url: 'https://x.test/', timeoutMs: 700 }, { defaultTimeoutMs: 2_500 });
    expect(compiledState(flow, 'call')?.entry?.[1]?.params).toMatchObject({ timeoutMs: 700 });
  });

  it('refuses an unconnected error port', () => {
    const flow = httpFlow({ url: 'https://x.test/' });
    expect(() =>
      compileFlow({ ...flow, edges: flow.edges?.filter((e) => e.sourcePort !== 'error') }),
    ).toThrow('port "error" of node "call" is not connected');
  });
});

describe('http-request node: runtime', () => {
  it('maps a JSON response into variables and takes success, clearing the error variable', async () => {
    const { port, vars } = await callOnce(
      httpFlow({
        url: `${server.origin}/orders/{{orderId}}`,
        responseMapping: [
          { variable: 'status', expression: 'response.body.status' },
          { variable: 'code', expression: 'response.status' },
          {
            variable: 'detail',
            expression: 'response.headers["x-request-id"] + ": " + string(size(response.body.items))',
          },
        ],
      }),
    );
    expect(port).toBe('success');
    expect(vars).toMatchObject({ status: 'shipped', code: 200, detail: 'req-42: 2', failure: null });
  });

  it('reads a non-JSON response body as text', async () => {
    const { vars } = await callOnce(
      httpFlow({
        url: `${server.origin}/plain`,
        responseMapping: [{ variable: 'detail', expression: 'response.body' }],
      }),
    );
    expect(vars.detail).toBe('pong');
  });

  it('sends headers and a JSON body whose values stay valid JSON, whatever the variables hold', async () => {
    const { port, vars } = await callOnce(
      httpFlow({
        method: 'POST',
        url: `${server.origin}/echo`,
        headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
        body: '{"customer": "{{customer}}", "note": "order {{orderId}}", "cart": {{cart}}}',
        responseMapping: [
          { variable: 'code', expression: 'response.status' },
          { variable: 'detail', expression: 'response.body' },
        ],
      }),
    );
    expect(port).toBe('success');
    expect(vars.code).toBe(201);
    expect(vars.detail).toEqual({
      received: {
        customer: 'Ada "the Countess" Lovelace\nLondon',
        note: 'order AB-1001',
        cart: [{ sku: 'tea', qty: 2 }],
      },
      auth: 'Bearer s3cret',
    });
    expect(receivedAt('/echo')[0]?.headers['content-type']).toBe('application/json');
  });

  it('keeps a variable in the URL path to one encoded segment', async () => {
    const flow = httpFlow({ url: `${server.origin}/lookup/{{orderId}}` });
    const hostile = {
      ...flow,
      variables: flow.variables?.map((v) =>
        v.name === 'orderId' ? { ...v, initial: '../admin?role=x' } : v,
      ),
    };
    await callOnce(hostile);
    expect(server.received.map((r) => r.path)).toContain('/lookup/..%2Fadmin%3Frole%3Dx');
  });

  it('takes error on a non-2xx answer, still mapping the response and naming the status', async () => {
    const { port, vars, messages } = await callOnce(
      httpFlow({
        url: `${server.origin}/missing`,
        responseMapping: [
          { variable: 'code', expression: 'response.status' },
          { variable: 'detail', expression: 'response.body.error' },
        ],
      }),
    );
    expect(port).toBe('error');
    expect(vars).toMatchObject({ code: 404, detail: 'no such order' });
    expect(vars.failure).toBe(`${server.origin}/missing: the server answered 404 Not Found`);
    expect(messages[0]).toEqual({
      type: 'text',
      text: `failed: ${server.origin}/missing: the server answered 404 Not Found`,
    });
  });

  it('gives up after timeoutMs and takes error', async () => {
    const { port, vars } = await callOnce(httpFlow({ url: `${server.origin}/slow`, timeoutMs: 200 }));
    expect(port).toBe('error');
    expect(vars.failure).toBe(`${server.origin}/slow: no answer within 200 ms`);
  });

  it('falls back to the flow default timeout', async () => {
    const { vars } = await callOnce(httpFlow({ url: `${server.origin}/slow` }, { defaultTimeoutMs: 250 }));
    expect(vars.failure).toBe(`${server.origin}/slow: no answer within 250 ms`);
  });

  it('refuses a response larger than 1 MB', async () => {
    const { port, vars } = await callOnce(httpFlow({ url: `${server.origin}/huge` }));
    expect(port).toBe('error');
    expect(vars.failure).toBe(`${server.origin}/huge: the response is larger than 1 MB`);
  });

  it('follows a redirect on the same host, and continues a 303 after a POST as a GET', async () => {
    const redirected = await callOnce(
      httpFlow({
        url: `${server.origin}/old`,
        responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      }),
    );
    expect(redirected.vars.status).toBe('shipped');
    const posted = await callOnce(
      httpFlow({
        method: 'POST',
        url: `${server.origin}/submit`,
        body: '{"a": 1}',
        responseMapping: [{ variable: 'detail', expression: 'response.body' }],
      }),
    );
    expect(posted.vars.detail).toBe('pong');
    expect(receivedAt('/plain').at(-1)).toMatchObject({ method: 'GET', body: '' });
  });

  it('stops after 5 redirects', async () => {
    const before = receivedAt('/loop').length;
    const { port, vars } = await callOnce(httpFlow({ url: `${server.origin}/loop` }));
    expect(port).toBe('error');
    expect(vars.failure).toBe(`${server.origin}/loop: more than 5 redirects`);
    expect(receivedAt('/loop').length - before).toBe(6);
  });

  it.each([
    ['file:///etc/passwd', 'file:///etc/passwd: only http and https URLs can be called'],
    ['ftp://127.0.0.1/x', 'ftp://127.0.0.1/x: only http and https URLs can be called'],
    ['{{nothing}}/orders', '"/orders" is not a valid URL'],
  ])('refuses the URL %s', async (url, reason) => {
    const { port, vars } = await callOnce(httpFlow({ url }));
    expect(port).toBe('error');
    expect(vars.failure).toBe(reason);
  });

  it('names a refused connection', async () => {
    const closed = await startTestServer({});
    await closed.close();
    const { vars } = await callOnce(httpFlow({ url: `${closed.origin}/x` }));
    expect(vars.failure).toBe(`${closed.origin}/x: the server refused the connection`);
  });

  it('clears mapped variables when no server answered, so no stale value survives a failed call', async () => {
    const closed = await startTestServer({});
    await closed.close();
    const flow = httpFlow({
      url: `${closed.origin}/x`,
      responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
    });
    const status = flow.variables?.find((v) => v.name === 'status');
    if (status) status.initial = 'shipped';
    const { vars } = await callOnce(flow);
    expect(vars.status).toBeNull();
  });

  it('completes a turn that waits on the call', async () => {
    const run = await runFlow(
      httpFlow({
        url: `${server.origin}/brief-wait`,
        responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      }),
    );
    expect(run.opening.messages).toEqual([
      { type: 'text', text: 'ok' },
      { type: 'end', status: 'resolved' },
    ]);
    expect(run.opening.vars.status).toBe('ready');
  });

  it('sends again when the error port loops back to the node', async () => {
    const flow = httpFlow({
      url: `${server.origin}/flaky`,
      responseMapping: [{ variable: 'code', expression: 'response.body.attempt' }],
    });
    const retrying = {
      ...flow,
      edges: flow.edges?.map((e) => (e.sourcePort === 'error' ? edge('call', 'error', 'call') : e)),
    };
    const { port, vars } = await callOnce(retrying);
    expect(port).toBe('success');
    expect(vars.code).toBe(2);
  });

  it('stores the mapped variables, and no running call, between turns', async () => {
    const run = await runFlow(
      httpFlow({
        url: `${server.origin}/orders/{{orderId}}`,
        responseMapping: [{ variable: 'status', expression: 'response.body.status' }],
      }),
      { pauseAt: ['ok'] },
    );
    expect(run.stored()).toMatchObject({
      status: 'active',
      value: 'ok',
      children: {},
      context: { vars: { status: 'shipped', failure: null } },
    });
    const last = await run.reply('thanks');
    expect(last.resolution).toBe('resolved');
    expect(last.vars.status).toBe('shipped');
  });
});
