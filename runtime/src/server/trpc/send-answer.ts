import type { AnyTRPCRouter, TRPCError } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorShapeFor, httpStatusOf } from './present-error.ts';
import type { TrpcHandlerOptions } from './trpc-handler-options.ts';

/** Answers with `body` as one JSON string, so the response has a content length and goes out in one write. */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .headers({ 'content-type': 'application/json', vary: 'trpc-accept, accept' })
    .send(JSON.stringify(body));
}

/** Answers a request that failed as a whole (before or instead of its calls) with one error envelope. */
export function sendRequestError<TRouter extends AnyTRPCRouter>(
  reply: FastifyReply,
  req: FastifyRequest,
  { router, onError }: Pick<TrpcHandlerOptions<TRouter>, 'router' | 'onError'>,
  error: TRPCError,
): FastifyReply {
  onError?.({ error, type: 'unknown', path: undefined, input: undefined, ctx: undefined, req });
  const call = { type: 'unknown', path: undefined, input: undefined, ctx: undefined } as const;
  const shape = errorShapeFor(router, error, call);
  return sendJson(reply, httpStatusOf(shape, error), {
    error: router._def._config.transformer.output.serialize(shape),
  });
}
