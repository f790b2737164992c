import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { TRPCError } from '@trpc/server';
import type { HTTPErrorHandler } from '@trpc/server/http';
import { EventSource } from 'eventsource';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../create-http-app.ts';
import { mountTrpc } from './mount-trpc.ts';
import { type TestRouter, testRouter } from './test-router.ts';

type Server = {
  app: FastifyInstance;
  url: string;
  errors: Parameters<HTTPErrorHandler<TestRouter, FastifyRequest>>[0][];
};

async function startServer(handler: 'lean' | 'official'): Promise<Server> {
  const app = createHttpApp();
  const errors: Server['errors'] = [];
  mountTrpc(app, {
    router: testRouter,
    prefix: '/trpc',
    handler,
    maxBodySize: 1024,
    createContext: ({ req }) => {
      const user = req.headers['x-user'];
      if (user === 'revoked')
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This API key was revoked' });
      return { user: typeof user === 'string' ? user : null };
    },
    onError: (e) => errors.push(e),
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}/trpc`, errors };
}

async function rejection(promise: Promise<unknown>): Promise<TRPCClientError<TestRouter>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return error;
}

async function post(url: string, body: string, contentType = 'application/json') {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe.each(['lean', 'official'] as const)('mountTrpc with the %s handler', (handler) => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(handler);
  });
  afterAll(() => server.app.close());

  const client = (headers: Record<string, string> = {}) =>
    createTRPCClient<TestRouter>({ links: [httpLink({ url: server.url, headers })] });
  const batchClient = () => createTRPCClient<TestRouter>({ links: [httpBatchLink({ url: server.url })] });

  it('answers queries and mutations from httpLink', async () => {
    expect(await client().greeting.query({ name: 'Ada' })).toBe('hello Ada');
    expect(await client().flows.list.query()).toEqual(['order-status', 'returns']);
    expect(await client().echo.mutate({ text: 'hi', order: { qty: 2 } })).toEqual({
      text: 'hi',
      order: { qty: 2 },
    });
  });

  it('builds the context from the request', async () => {
    expect(await client({ 'x-user': 'grace' }).whoami.query()).toBe('grace');
    expect(await client().whoami.query()).toBeNull();
  });

  it('fails every call with the error createContext throws', async () => {
    const error = await rejection(client({ 'x-user': 'revoked' }).whoami.query());
    expect(error.message).toBe('This API key was revoked');
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
  });

  it('answers each call of an httpBatchLink batch on its own', async () => {
    const c = batchClient();
    const [a, b, bad] = await Promise.allSettled([
      c.greeting.query({ name: 'Ada' }),
      c.ping.query(),
      c.greeting.query({ name: 42 as unknown as string }),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: 'hello Ada' });
    expect(b).toEqual({ status: 'fulfilled', value: 'pong' });
    expect(bad.status).toBe('rejected');
    const [m1, m2] = await Promise.all([c.echo.mutate({ text: 'one' }), c.echo.mutate({ text: 'two' })]);
    expect([m1, m2]).toEqual([{ text: 'one' }, { text: 'two' }]);
  });

  it('gives a batch mixing success and failure the 207 status, each call its own envelope', async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { name: 'Ada' } }));
    const response = await fetch(`${server.url}/greeting,nope?batch=1&input=${input}`);
    expect(response.status).toBe(207);
    const body = (await response.json()) as [
      unknown,
      { error: { data: { code: string; httpStatus: number } } },
    ];
    expect(body[0]).toEqual({ result: { data: 'hello Ada' } });
    expect(body[1].error.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });

  it('accepts a batch whose paths are longer than a fastify route parameter (100 characters)', async () => {
    const c = batchClient();
    const names = Array.from({ length: 12 }, (_, i) => `caller-${i}`);
    const results = await Promise.all(names.map((name) => c.greeting.query({ name })));
    expect(results).toEqual(names.map((n) => `hello ${n}`));
  });

  it('rejects invalid input with BAD_REQUEST naming the field', async () => {
    const error = await rejection(client().echo.mutate({ text: 'hi', order: { qty: -1 } }));
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, path: 'echo' });
    expect(error.message).toContain('qty');
  });

  it('passes a thrown TRPCError through with its code and HTTP status', async () => {
    const error = await rejection(client().save.mutate());
    expect(error.message).toBe('Someone else saved this flow first');
    expect(error.data).toMatchObject({ code: 'CONFLICT', httpStatus: 409, path: 'save' });
  });

  it('answers an unknown procedure with 404 NOT_FOUND', async () => {
    const response = await fetch(`${server.url}/nope.missing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { data: { code: 'NOT_FOUND', path: 'nope.missing' } },
    });
  });

  it('refuses a query sent as POST and a mutation sent as GET with 405', async () => {
    expect((await post(`${server.url}/ping`, '')).status).toBe(405);
    expect((await fetch(`${server.url}/echo`)).status).toBe(405);
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await post(`${server.url}/echo`, '{"text": "hi"');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({
      error: { data: { code: 'BAD_REQUEST', httpStatus: 400 } },
    });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(`${server.url}/echo`, JSON.stringify({ text: 'x'.repeat(2000) }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({
      error: {
        message: 'The request body exceeds the limit of 1024 bytes',
        data: { code: 'PAYLOAD_TOO_LARGE' },
      },
    });
  });

  it('answers an unsupported content type with 415 in the tRPC envelope', async () => {
    const response = await post(`${server.url}/echo`, 'text=hi', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(JSON.parse(response.text)).toMatchObject({ error: { data: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });

  it('streams subscriptions over SSE to httpSubscriptionLink', async () => {
    const c = createTRPCClient<TestRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: server.url, EventSource }),
          false: httpLink({ url: server.url }),
        }),
      ],
    });
    const values = await new Promise<number[]>((resolve, reject) => {
      const seen: number[] = [];
      const subscription = c.countdown.subscribe(
        { from: 3 },
        {
          onData: (n) => {
            seen.push(n);
            if (seen.length === 3) {
              subscription.unsubscribe();
              resolve(seen);
            }
          },
          onError: reject,
        },
      );
    });
    expect(values).toEqual([3, 2, 1]);
  });

  it('answers httpBatchStreamLink', async () => {
    const c = createTRPCClient<TestRouter>({ links: [httpBatchStreamLink({ url: server.url })] });
    const [a, b] = await Promise.all([c.greeting.query({ name: 'Ada' }), c.flows.list.query()]);
    expect(a).toBe('hello Ada');
    expect(b).toEqual(['order-status', 'returns']);
  });
});

describe('mountTrpc lean handler answers', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer('lean');
  });
  afterAll(() => server.app.close());
  const client = () => createTRPCClient<TestRouter>({ links: [httpLink({ url: server.url })] });

  it('input errors as one readable line per field', async () => {
    const error = await rejection(client().echo.mutate({ text: 3 as unknown as string, order: { qty: 0 } }));
    expect(error.message).toBe(
      'text: Invalid input: expected string, received number; order.qty: Too small: expected number to be >0',
    );
  });

  it('a crash without its message or a stack trace, while onError sees the cause', async () => {
    const response = await fetch(`${server.url}/crash`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: {
        message: 'Internal server error',
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: 'crash' },
      },
    });
    expect(text).not.toMatch(/hunter2|stack|at .*\.ts/);
    expect(server.errors.at(-1)?.error.message).toContain('ECONNREFUSED');
  });

  it('with a content length, not a chunked body', async () => {
    const response = await fetch(`${server.url}/ping`);
    expect(response.headers.get('content-length')).toBe(String('{"result":{"data":"pong"}}'.length));
    expect(response.headers.get('transfer-encoding')).toBeNull();
  });
});

describe('mountTrpc types', () => {
  it('requires createContext to build the router context', () => {
    const app = createHttpApp();
    // @ts-expect-error the test router's context is { user: string | null }
    mountTrpc(app, { router: testRouter, prefix: '/trpc', createContext: () => ({ account: 7 }) });
    mountTrpc(app, { router: testRouter, prefix: '/api', createContext: () => ({ user: null }) });
    return app.close();
  });
});
