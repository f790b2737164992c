import { type AnyTRPCRouter, type inferRouterContext, TRPCError } from '@trpc/server';
import { type CreateFastifyContextOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { HTTPErrorHandler } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createLeanHandler } from './lean-handler.ts';
import { presentError } from './present-error.ts';
import { sendRequestError } from './send-answer.ts';
import { transportError } from './transport-error.ts';
import type { MaybePromise, TrpcHandlerOptions, TrpcRoute } from './trpc-handler-options.ts';

export type MountTrpcOptions<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  /** Called once per HTTP request (a whole batch shares it), with the same options as the official adapter. */
  createContext: (opts: CreateFastifyContextOptions) => MaybePromise<inferRouterContext<TRouter>>;
  /** Where the API lives, e.g. `/trpc`: procedure `flows.list` answers on `/trpc/flows.list`. */
  prefix: string;
  /** Largest accepted request body in bytes (413 PAYLOAD_TOO_LARGE beyond). Default 1 MiB. */
  maxBodySize?: number;
  /** Most calls one batch may carry (400 BAD_REQUEST beyond). Default: no limit. */
  maxBatchSize?: number;
  /** Every error answered, with the original cause, before it is masked for the client: log it here. */
  onError?: HTTPErrorHandler<TRouter, FastifyRequest>;
  /**
   * `lean` (default) answers queries, mutations and batches itself and hands subscriptions, streamed batches
   * and lazy routers to the official adapter; `official` sends every request through the official adapter
   * (slower, see bench/server): a switch for comparing the two.
   */
  handler?: 'lean' | 'official';
};

const DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

/**
 * The router as the official adapter gets it: it builds error shapes itself, so its errors are presented
 * here the way the lean handler presents them (input errors name the field, internal ones say nothing).
 */
function withPresentedErrors<TRouter extends AnyTRPCRouter>(router: TRouter): TRouter {
  const config = router._def._config;
  const errorFormatter: typeof config.errorFormatter = (opts) => {
    const error = presentError(opts.error);
    return config.errorFormatter({ ...opts, error, shape: { ...opts.shape, message: error.message } });
  };
  return { ...router, _def: { ...router._def, _config: { ...config, errorFormatter } } };
}

/**
 * Serves `router` over the tRPC v11 HTTP protocol under `prefix` on a fastify app, so `@trpc/client`'s
 * `httpLink`, `httpBatchLink`, `httpBatchStreamLink` and `httpSubscriptionLink` work against it. Errors are
 * answered as tRPC error envelopes with their HTTP status and without stack traces.
 */
export function mountTrpc<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  options: MountTrpcOptions<TRouter>,
): void {
  const maxBodySize = options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE;
  const handlerOptions: TrpcHandlerOptions<TRouter> = {
    router: options.router,
    createContext: options.createContext,
    onError: options.onError,
    maxBatchSize: options.maxBatchSize,
  };

  const officialOptions = { ...handlerOptions, router: withPresentedErrors(options.router) };
  const official = (req: FastifyRequest<TrpcRoute>, reply: FastifyReply): Promise<void> =>
    fastifyRequestHandler({ ...officialOptions, req, res: reply, path: req.params['*'] });
  const handler = options.handler === 'official' ? official : createLeanHandler(handlerOptions, official);

  app.register(
    async (scope) => {
      // Bodies stay strings: inputs are parsed per call, so a malformed body fails each call like tRPC does.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: maxBodySize },
        (_req, body, done) => done(null, body),
      );
      scope.setErrorHandler((error, req, reply) =>
        sendRequestError(reply, req, handlerOptions, transportError(error, { maxBodySize })),
      );
      scope.setNotFoundHandler((req, reply) =>
        sendRequestError(
          reply,
          req,
          handlerOptions,
          new TRPCError({ code: 'NOT_FOUND', message: `No procedure found at "${req.url}"` }),
        ),
      );
      // A wildcard, not `/:path`: batch paths ("a,b,c") may be longer than fastify's 100-character param limit.
      scope.route<TrpcRoute>({ method: ['GET', 'POST'], url: '/*', handler });
    },
    { prefix: options.prefix },
  );
}
