import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { authorizationOf, createApiContext, type ParleyServices } from '../api/context.ts';
import { appRouter } from '../api/router.ts';
import { createAuthService } from '../services/auth/auth-service.ts';
import { type Clock, systemClock } from '../services/clock.ts';
import { createConversationService, JobRunner } from '../services/conversations/index.ts';
import { createFlowService } from '../services/flows/index.ts';
import { createSimulatorService } from '../services/simulator/index.ts';
import type { Database } from '../store/database.ts';
import { createHttpApp } from './create-http-app.ts';
import { registerDesignerFiles } from './designer-files.ts';
import { createLiveEvents } from './events/live-events.ts';
import { registerRequestDrain } from './lifecycle/request-drain.ts';
import { createMetrics, registerMetricsRoute } from './observability/metrics.ts';
import { registerRequestLog } from './observability/request-log.ts';
import { createTurnLog } from './observability/turn-log.ts';
import { mountTrpc } from './trpc/mount-trpc.ts';

export type ParleyServerOptions = {
  database: Database;
  logger: Logger;
  clock?: Clock;
  /** Largest request body; documented in the README. */
  maxBodyBytes?: number;
  /** How often durable timers are looked for. */
  jobPollMs?: number;
  /** The designer's production build, served at `/`; null serves none (API-only servers, benches). */
  designerDir?: string | null;
  /** Ids of new conversations (random by default); tests pass a fixed sequence to be repeatable. */
  newConversationId?: () => string;
  /** HTTP transport and DNS lookup for the flows' HTTP nodes, in conversations and the simulator alike. */
  runtimeDeps?: Partial<RuntimeDeps>;
};

export type ParleyServer = {
  app: FastifyInstance;
  services: ParleyServices;
  /** Starts listening and firing durable timers; resolves with the URL. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Shuts down gracefully: refuses new requests and stops claiming timers, lets in-flight turns (requests
   * and timers) commit, ends the event streams once they have sent those turns, then closes the database.
   */
  close(): Promise<void>;
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Builds the runtime server: services over one database, the tRPC API at `/trpc`, health at `/healthz`. */
export function createParleyServer(options: ParleyServerOptions): ParleyServer {
  const { database, logger } = options;
  const clock = options.clock ?? systemClock;
  const events = createLiveEvents({ database, clock, logger });
  const metrics = createMetrics({ database, clock, streams: () => events.streams });
  const logTurn = createTurnLog(logger);
  const flows = createFlowService({ database, clock });
  const services: ParleyServices = {
    database,
    auth: createAuthService({ database, clock }),
    flows,
    conversations: createConversationService({
      database,
      clock,
      ...(options.runtimeDeps ? { runtimeDeps: options.runtimeDeps } : {}),
      ...(options.newConversationId ? { newConversationId: options.newConversationId } : {}),
      // After commit only: a rolled-back turn is never announced, logged or counted.
      onTurnCommitted: (turn) => {
        events.announce(turn);
        metrics.observeTurn(turn);
        logTurn(turn);
      },
    }),
    simulator: createSimulatorService({
      flows,
      ...(options.runtimeDeps ? { runtimeDeps: options.runtimeDeps } : {}),
    }),
    events,
  };
  const jobs = new JobRunner({
    database,
    conversations: services.conversations,
    clock,
    pollMs: options.jobPollMs ?? 1000,
    onError: (error, job) =>
      logger.error({ err: error, jobId: job?.id, kind: job?.kind }, 'durable timer failed'),
  });

  const app = createHttpApp({ logger: false, bodyLimit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
  const drain = registerRequestDrain(app);
  registerRequestLog(app, logger);
  app.get('/healthz', async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.dialect });
    }
  });
  registerMetricsRoute(app, metrics);
  if (options.designerDir) registerDesignerFiles(app, options.designerDir);
  mountTrpc(app, {
    router: appRouter,
    prefix: '/trpc',
    maxBodySize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    createContext: ({ req, info }) =>
      createApiContext(services, authorizationOf(req.headers.authorization, info.connectionParams)),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        logger.error({ err: error.cause ?? error, path }, 'request failed');
    },
  });

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    drain.refuse();
    // Stops accepting connections; resolves once every connection, event streams included, has ended.
    const appClosed = app.close();
    // In-flight turns finish and commit: those of requests, and the timers already claimed.
    await Promise.all([drain.drained(), jobs.stop()]);
    // Streams send what those turns committed, then end.
    await events.close();
    // Keep-alive connections left idle by their last answer (a stream that just ended) would hold the
    // close up until the client dropped them.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
    await appClosed.finally(() => clearInterval(sweep));
    await database.close();
    logger.info('server closed');
  }

  return {
    app,
    services,
    async listen(port, host = '127.0.0.1') {
      await events.start();
      const url = await app.listen({ port, host });
      jobs.start();
      return url;
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
