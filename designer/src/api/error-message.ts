import { TRPCClientError } from '@trpc/client';

/** What the server said went wrong, for showing to the user; a network failure says so. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The tRPC error code (`CONFLICT`, `UNAUTHORIZED`, ...) of a failed call, if the server sent one. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  return typeof data.code === 'string' ? data.code : null;
}
