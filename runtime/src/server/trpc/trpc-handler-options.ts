import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { HTTPErrorHandler } from '@trpc/server/http';
import type { FastifyRequest } from 'fastify';

/** The route every tRPC call arrives on: `<prefix>/*`, the rest of the URL being the procedure path(s). */
export type TrpcRoute = {
  Params: { '*': string };
  Querystring: { batch?: string | string[]; input?: string | string[] };
};

/** What both handlers (lean and official) need. */
export type TrpcHandlerOptions<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  createContext: (opts: CreateFastifyContextOptions) => MaybePromise<inferRouterContext<TRouter>>;
  onError: HTTPErrorHandler<TRouter, FastifyRequest> | undefined;
  maxBatchSize: number | undefined;
};

export type MaybePromise<T> = T | Promise<T>;
