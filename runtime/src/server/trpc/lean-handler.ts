import {
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  type inferRouterContext,
  TRPCError,
  type TRPCProcedureType,
} from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorShapeFor, httpStatusOf } from './present-error.ts';
import { readInputs } from './read-inputs.ts';
import { sendJson, sendRequestError } from './send-answer.ts';
import type { TrpcHandlerOptions, TrpcRoute } from './trpc-handler-options.ts';

type Envelope = { result: { data: unknown } } | { error: unknown };
type Outcome = { envelope: Envelope; status: number };

const ACCEPTED_METHOD: Record<TRPCProcedureType, string> = {
  query: 'GET',
  mutation: 'POST',
  subscription: 'GET',
};

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function findProcedure(router: AnyTRPCRouter, path: string): AnyTRPCProcedure | null {
  const procedures: Record<string, AnyTRPCProcedure | undefined> = router._def.procedures;
  return Object.hasOwn(procedures, path) ? (procedures[path] ?? null) : null;
}

function isStreamLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some(
    (v) => typeof v === 'object' && v !== null && (v instanceof Promise || Symbol.asyncIterator in v),
  );
}

/** Requests whose answer is a stream (SSE subscriptions, `httpBatchStreamLink`) or whose procedures are lazily loaded. */
function needsOfficialAdapter(
  req: FastifyRequest<TrpcRoute>,
  router: AnyTRPCRouter,
  procedures: (AnyTRPCProcedure | null)[],
) {
  if (procedures.some((p) => p?._def.type === 'subscription')) return true;
  if (procedures.includes(null) && Object.keys(router._def.lazy).length > 0) return true;
  const accept = req.headers['trpc-accept'] ?? req.headers.accept;
  return typeof accept === 'string' && accept.includes('application/jsonl');
}

/**
 * Serves queries, mutations and batches of the tRPC v11 HTTP protocol straight from fastify's parsed request
 * and answers with one JSON string; everything else goes to the official adapter (`delegate`).
 *
 * Why not the official adapter for everything: it turns each request into a Fetch `Request` (URL, copied
 * `Headers`, an abort signal undici tracks with weak references), resolves it with `AbortSignal.any` and
 * WHATWG streams, and pipes a Fetch `Response` stream back as a chunked body: about ten times the CPU of a
 * bare fastify route per call, so one event loop saturates at ~2k calls/s (`pnpm bench server`).
 */
export function createLeanHandler<TRouter extends AnyTRPCRouter>(
  options: TrpcHandlerOptions<TRouter>,
  delegate: (req: FastifyRequest<TrpcRoute>, reply: FastifyReply) => Promise<void>,
) {
  const { router, createContext, onError, maxBatchSize } = options;
  const serialize = (value: unknown): unknown => router._def._config.transformer.output.serialize(value);

  return async function handleTrpc(req: FastifyRequest<TrpcRoute>, reply: FastifyReply): Promise<unknown> {
    if (req.method === 'HEAD') return reply.code(204).send();
    const isBatchCall = firstValue(req.query.batch) === '1';
    const pathParam = req.params['*'];
    const paths = isBatchCall ? pathParam.split(',') : [pathParam];
    const procedures = paths.map((path) => findProcedure(router, path));
    if (needsOfficialAdapter(req, router, procedures)) return delegate(req, reply);

    if (isBatchCall && maxBatchSize !== undefined && paths.length > maxBatchSize) {
      const message = `A batch holds at most ${maxBatchSize} calls; this one has ${paths.length}`;
      return sendRequestError(reply, req, options, new TRPCError({ code: 'BAD_REQUEST', message }));
    }
    const types = new Set(procedures.flatMap((p) => (p ? [p._def.type] : [])));
    if (types.size > 1) {
      const message = `A batch cannot mix procedure types: ${[...types].join(', ')}`;
      return sendRequestError(reply, req, options, new TRPCError({ code: 'BAD_REQUEST', message }));
    }
    const type: TRPCProcedureType | 'unknown' = types.values().next().value ?? 'unknown';

    const read = readInputs(
      router,
      { method: req.method, body: req.body, queryInput: firstValue(req.query.input) },
      paths.length,
      isBatchCall,
    );
    const inputAt = (index: number): unknown => (read.ok ? read.inputs[index] : undefined);

    // Queries and mutations get no abort signal: Parley's run to the end whoever still listens (a turn
    // that started commits), and a signal per request costs ~10 µs. Subscriptions, which stop when their
    // client leaves, go to the official adapter; `info.signal` is made only if something reads it.
    let abort: AbortController | undefined;
    const signal = () => {
      if (!abort) {
        const controller = new AbortController();
        abort = controller;
        if (reply.raw.writableEnded || reply.raw.destroyed) controller.abort();
        else reply.raw.once('close', () => controller.abort());
      }
      return abort.signal;
    };

    const calls = paths.map((path, batchIndex) => ({
      path,
      batchIndex,
      procedure: procedures[batchIndex] ?? null,
      getRawInput: async () => {
        if (!read.ok) throw read.error;
        return inputAt(batchIndex);
      },
      result: () => inputAt(batchIndex),
    }));
    const info: TRPCRequestInfo = {
      accept: null,
      type,
      isBatchCall,
      calls,
      connectionParams: null,
      get signal() {
        return signal();
      },
      url: null,
    };

    let ctx: inferRouterContext<TRouter> | undefined;
    let ctxError: TRPCError | undefined;
    try {
      ctx = await createContext({ req, res: reply, info });
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }

    const outcomes = await Promise.all(
      calls.map(async (call): Promise<Outcome> => {
        const procedureType = call.procedure?._def.type ?? 'unknown';
        try {
          if (!call.procedure) {
            throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${call.path}"` });
          }
          if (ACCEPTED_METHOD[call.procedure._def.type] !== req.method) {
            throw new TRPCError({
              code: 'METHOD_NOT_SUPPORTED',
              message: `Unsupported ${req.method}-request to ${call.procedure._def.type} procedure at path "${call.path}"`,
            });
          }
          if (ctxError) throw ctxError;
          const data: unknown = await callTRPCProcedure({
            router,
            path: call.path,
            getRawInput: call.getRawInput,
            ctx,
            type: call.procedure._def.type,
            signal: undefined,
            batchIndex: call.batchIndex,
          });
          if (isStreamLike(data)) {
            throw new TRPCError({
              code: 'UNSUPPORTED_MEDIA_TYPE',
              message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
            });
          }
          return { envelope: { result: { data: serialize(data) } }, status: 200 };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          const input = call.result();
          onError?.({ error, type: procedureType, path: call.path, input, ctx, req });
          const shape = errorShapeFor(router, error, { type: procedureType, path: call.path, input, ctx });
          return { envelope: { error: serialize(shape) }, status: httpStatusOf(shape, error) };
        }
      }),
    );

    const first = outcomes[0];
    if (!isBatchCall && first) return sendJson(reply, first.status, first.envelope);
    const statuses = new Set(outcomes.map((o) => o.status));
    const status = statuses.size === 1 ? (first?.status ?? 200) : 207;
    return sendJson(
      reply,
      status,
      outcomes.map((o) => o.envelope),
    );
  };
}
