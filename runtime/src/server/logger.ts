import pino, { type Logger } from 'pino';

/** Fields that may hold secrets; pino replaces their values before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.key',
  '*.passwordHash',
  '*.keyHash',
];

/** The server's logger; `destination` (standard output by default) lets tests read what it writes. */
export function createLogger(
  level = process.env.PARLEY_LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
