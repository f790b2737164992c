import { createTRPCClient } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp } from '../server/create-http-app.ts';
import { mountTrpc } from '../server/trpc/mount-trpc.ts';
import { apiUrl, parleyLinks } from './parley-links.ts';

// The Parley router has no subscription yet: this one stands in, to show the token reaches both transports.
const t = initTRPC.context<{ authorization: string | null }>().create();
const router = t.router({
  whoami: t.procedure.query(({ ctx }) => ctx.authorization),
  ticks: t.procedure.input(z.object({ count: z.number() })).subscription(async function* ({ ctx, input }) {
    for (let n = 1; n <= input.count; n++) yield `${n} for ${ctx.authorization}`;
  }),
});

let app: FastifyInstance;
let url: string;
beforeAll(async () => {
  app = createHttpApp();
  mountTrpc(app, {
    router,
    prefix: '/trpc',
    createContext: ({ req }) => ({ authorization: req.headers.authorization ?? null }),
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());

describe('parleyLinks', () => {
  const client = () => createTRPCClient<typeof router>({ links: parleyLinks({ url, token: 'tok_1' }) });

  it('sends the bearer token with queries', async () => {
    expect(await client().whoami.query()).toBe('Bearer tok_1');
    const anonymous = createTRPCClient<typeof router>({ links: parleyLinks({ url }) });
    expect(await anonymous.whoami.query()).toBeNull();
  });

  it('runs subscriptions over server-sent events on Node, with the bearer token', async () => {
    const received = await new Promise<string[]>((resolve, reject) => {
      const values: string[] = [];
      const subscription = client().ticks.subscribe(
        { count: 3 },
        {
          onData: (value) => {
            values.push(value);
            if (values.length === 3) {
              subscription.unsubscribe();
              resolve(values);
            }
          },
          onError: reject,
        },
      );
    });
    expect(received).toEqual(['1 for Bearer tok_1', '2 for Bearer tok_1', '3 for Bearer tok_1']);
  });
});

describe('apiUrl', () => {
  it('appends /trpc to a server URL, keeping a path prefix', () => {
    expect(apiUrl('http://127.0.0.1:4800')).toBe('http://127.0.0.1:4800/trpc');
    expect(apiUrl('https://parley.example.com/bots/')).toBe('https://parley.example.com/bots/trpc');
    expect(apiUrl('https://parley.example.com/trpc')).toBe('https://parley.example.com/trpc');
  });
});
