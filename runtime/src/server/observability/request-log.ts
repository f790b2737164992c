import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Paths polled by machines: logged at debug level only. */
const QUIET_PATHS = new Set(['/healthz', '/metrics']);

/**
 * One line per answered request: method, path, status and duration. Never the query string (tRPC puts
 * inputs there, and subscriptions may carry a credential in `connectionParams`), headers or bodies; so
 * nothing in it needs pino's redaction, which would cost three times the rest of the line.
 */
export function registerRequestLog(app: FastifyInstance, parent: Logger): void {
  const logger = parent.child({}, { redact: { paths: [] } });
  app.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const fields = {
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (QUIET_PATHS.has(path)) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
    done();
  });
}
