import pino, { type Logger } from 'pino';
import { REDACTED_PATHS } from '../logger.ts';

/**
 * The server's logger (same level and redaction as `createLogger`) writing to /dev/null: benches pay for
 * what production logging costs without filling the terminal.
 */
export function discardingLogger(level = 'info'): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: '/dev/null', sync: false }),
  );
}
