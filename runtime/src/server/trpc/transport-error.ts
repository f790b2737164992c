import { TRPCError } from '@trpc/server';

type TrpcErrorCode = TRPCError['code'];

const CODE_BY_STATUS: Record<number, TrpcErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * A failure fastify raised before any procedure ran (body over the limit, unsupported content type,
 * malformed request), as the tRPC error a client of the API understands.
 */
export function transportError(error: unknown, limits: { maxBodySize: number }): TRPCError {
  if (error instanceof TRPCError) return error;
  const status: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'statusCode') : undefined;
  const code =
    typeof status === 'number'
      ? (CODE_BY_STATUS[status] ?? (status < 500 ? 'BAD_REQUEST' : undefined))
      : undefined;
  if (code === undefined) return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  if (code === 'PAYLOAD_TOO_LARGE') {
    return new TRPCError({
      code,
      message: `The request body exceeds the limit of ${limits.maxBodySize} bytes`,
      cause: error,
    });
  }
  return new TRPCError({
    code,
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
