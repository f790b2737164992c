import type { Logger } from 'pino';
import { createLogger } from '../logger.ts';

const DURATION = /"ms":([0-9.]+)/;

/**
 * The server's logger, which also keeps the duration of every request it logs (fastify's time from
 * receiving a request to answering it) while recording: how long the server took, apart from the time a
 * load generator on the same machine adds.
 */
export function requestTimingLogger(): { logger: Logger; record(): void; recorded(): number[] } {
  let durations: number[] | undefined;
  const logger = createLogger('info', {
    write(line: string) {
      if (!durations || !line.includes('"msg":"request"')) return;
      const ms = DURATION.exec(line)?.[1];
      if (ms !== undefined) durations.push(Number(ms));
    },
  });
  return {
    logger,
    record: () => {
      durations = [];
    },
    recorded: () => durations ?? [],
  };
}
