import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { createHttpApp } from '../create-http-app.ts';
import { mountTrpc } from '../trpc/mount-trpc.ts';

const t = initTRPC.create();

/** The smallest procedure with an input schema: what every connector call pays for beyond its own work. */
export const echoRouter = t.router({
  echo: t.procedure.input(z.object({ text: z.string() })).mutation(({ input }) => input),
});

export type EchoApp = {
  /** POST targets answering `{"text": ...}` with the same text: plain fastify, the official adapter, ours. */
  urls: { bare: string; official: string; lean: string };
  close: () => Promise<void>;
};

/**
 * One fastify app (no logger) answering the same echo three ways on 127.0.0.1, so a load generator can
 * measure what the tRPC layer costs over a bare route.
 */
export async function startEchoApp(): Promise<EchoApp> {
  const app = createHttpApp();
  app.post('/echo', async (request) => request.body);
  mountTrpc(app, { router: echoRouter, prefix: '/official', handler: 'official', createContext: () => ({}) });
  mountTrpc(app, { router: echoRouter, prefix: '/trpc', createContext: () => ({}) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    urls: { bare: `${address}/echo`, official: `${address}/official/echo`, lean: `${address}/trpc/echo` },
    close: () => app.close(),
  };
}
