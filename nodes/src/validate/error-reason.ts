/** The message of something thrown, whatever was thrown, for diagnostics that must not throw themselves. */
export function errorReason(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
