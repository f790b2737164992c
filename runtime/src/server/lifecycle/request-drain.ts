import type { FastifyInstance } from 'fastify';

/**
 * Graceful shutdown for HTTP: once `refuse()` is called new requests are answered 503 (with
 * `Connection: close`), and `drained()` resolves when the requests already in flight have been answered.
 * Event streams (`Accept: text/event-stream`) are not waited for: they run until the server ends them.
 */
export function registerRequestDrain(app: FastifyInstance) {
  let refusing = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  // A callback hook, not an async one: fastify runs those without a promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    if (refusing) {
      reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', '1')
        .send({ error: 'the server is shutting down; try again (another instance may answer)' });
      return;
    }
    if (!request.headers.accept?.includes('text/event-stream')) {
      inFlight += 1;
      // 'close' comes once the answer is sent, or when the client hung up first.
      reply.raw.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      });
    }
    done();
  });

  return {
    refuse(): void {
      refusing = true;
    },
    /** Resolves when no request (other than event streams) is in flight. */
    drained(): Promise<void> {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => {
        idle = resolve;
      });
    },
    get inFlight(): number {
      return inFlight;
    },
  };
}
