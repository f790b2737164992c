import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createApiContext, type ParleyServices } from '../api/context.ts';
import { appRouter } from '../api/router.ts';
import { createAuthService } from '../services/auth/auth-service.ts';
import { type Clock, systemClock } from '../services/clock.ts';
import { createConversationService, JobRunner } from '../services/conversations/index.ts';
import { createFlowService } from '../services/flows/index.ts';
import type { Database } from '../store/database.ts';
import { createHttpApp } from './create-http-app.ts';
import { mountTrpc } from './trpc/mount-trpc.ts';

export type ParleyServerOptions = {
  database: Database;
  logger: Logger;
  clock?: Clock;
  /** Largest request body; documented in the README. */
  maxBodyBytes?: number;
  /** How often durable timers are looked for. */
  jobPollMs?: number;
};

export type ParleyServer = {
  app: FastifyInstance;
  services: ParleyServices;
  /** Starts listening and firing durable timers; resolves with the URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops taking requests, lets in-flight turns finish, stops the timers, then closes the database. */
  close(): Promise<void>;
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Builds the runtime server: services over one database, the tRPC API at `/trpc`, health at `/healthz`. */
export function createParleyServer(options: ParleyServerOptions): ParleyServer {
  const { database, logger } = options;
  const clock = options.clock ?? systemClock;
  const services: ParleyServices = {
    database,
    auth: createAuthService({ database, clock }),
    flows: createFlowService({ database, clock }),
    conversations: createConversationService({ database, clock }),
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
  app.get('/healthz', async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.dialect });
    }
  });
  mountTrpc(app, {
    router: appRouter,
    prefix: '/trpc',
    maxBodySize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    createContext: ({ req }) => createApiContext(services, req.headers.authorization),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        logger.error({ err: error.cause ?? error, path }, 'request failed');
    },
  });

  return {
    app,
    services,
    async listen(port, host = '127.0.0.1') {
      const url = await app.listen({ port, host });
      jobs.start();
      return url;
    },
    async close() {
      // fastify's close waits for in-flight requests (and so their turns' transactions) to finish.
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
