import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

export type TestContext = { user: string | null };

// isDev as in development: the default error shape would carry stack traces, which must never reach clients.
const t = initTRPC.context<TestContext>().create({ isDev: true });

/** A router exercising every answer the HTTP layer gives: data, input errors, thrown codes, crashes, streams. */
export const testRouter = t.router({
  greeting: t.procedure.input(z.object({ name: z.string() })).query(({ input }) => `hello ${input.name}`),
  ping: t.procedure.query(() => 'pong'),
  whoami: t.procedure.query(({ ctx }) => ctx.user),
  echo: t.procedure
    .input(z.object({ text: z.string(), order: z.object({ qty: z.number().int().positive() }).optional() }))
    .mutation(({ input }) => input),
  save: t.procedure.mutation(() => {
    throw new TRPCError({ code: 'CONFLICT', message: 'Someone else saved this flow first' });
  }),
  crash: t.procedure.query(() => {
    throw new Error('connect ECONNREFUSED postgres://parley:hunter2@db:5432');
  }),
  flows: t.router({ list: t.procedure.query(() => ['order-status', 'returns']) }),
  countdown: t.procedure.input(z.object({ from: z.number() })).subscription(async function* ({ input }) {
    for (let n = input.from; n > 0; n--) yield n;
  }),
});

export type TestRouter = typeof testRouter;
