import { isTRPCClientError } from '@trpc/client';
import { CliError, EXIT_PROBLEM } from './cli-io.ts';

/** The server could not be reached or did not answer like a Parley server: nothing happened there. */
export const EXIT_UNREACHABLE = 2;

const networkReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused; is the server running?',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
};

function networkReason(cause: unknown): string {
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = (inner as NodeJS.ErrnoException | undefined)?.code;
  if (code && networkReasons[code]) return networkReasons[code];
  return inner instanceof Error ? inner.message : String(cause);
}

/**
 * A failed call as one line for the user: the server's own message (exit 1) when it answered, or why it
 * could not be reached (exit 2). `hint` is added to UNAUTHORIZED answers, to say which credential failed.
 */
export function explainServerError(error: unknown, url: string, hint?: string): CliError {
  if (!isTRPCClientError(error)) {
    return new CliError(error instanceof Error ? error.message : String(error), EXIT_PROBLEM);
  }
  if (error.data) {
    const extra = error.data.code === 'UNAUTHORIZED' && hint ? ` (${hint})` : '';
    return new CliError(`${error.message}${extra}`, EXIT_PROBLEM);
  }
  // fetch rejects with a TypeError when no HTTP answer came back at all.
  if (error.cause instanceof TypeError) {
    return new CliError(
      `cannot reach the Parley server at ${url}: ${networkReason(error.cause)}`,
      EXIT_UNREACHABLE,
    );
  }
  return new CliError(
    `the server at ${url} did not answer like a Parley server (${error.message}); check the URL`,
    EXIT_UNREACHABLE,
  );
}
