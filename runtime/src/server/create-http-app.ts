import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

export type HttpAppOptions = Pick<FastifyServerOptions, 'logger' | 'bodyLimit'>;

/** The fastify instance Parley's HTTP surfaces (tRPC API, connectors, health) are mounted on. */
export function createHttpApp(options: HttpAppOptions = {}): FastifyInstance {
  return Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit });
}
