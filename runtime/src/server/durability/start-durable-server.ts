import type { Logger } from 'pino';
import { type Database, openDatabase } from '../../store/database.ts';
import { createParleyServer, type ParleyServer } from '../parley-server.ts';
import { type DurableFixture, seedDurableFixture } from './seed-durable-fixture.ts';

export type DurableServer = DurableFixture & { server: ParleyServer; url: string };

/**
 * The real runtime server on `target` (a SQLite file or a `postgres://` url) with the durability fixture
 * seeded, listening on 127.0.0.1: what crash tests run as a child process and benches run in-process.
 */
export async function startDurableServer(options: {
  target: string;
  logger: Logger;
  port?: number;
  /** Stands between the server and its database (crash tests). */
  wrapDatabase?: (database: Database) => Database;
}): Promise<DurableServer> {
  const { target, logger, wrapDatabase = (database) => database } = options;
  const opened = await openDatabase(target.startsWith('postgres') ? { url: target } : { file: target });
  const server = createParleyServer({ database: wrapDatabase(opened), logger });
  const fixture = await seedDurableFixture(server.services);
  const url = await server.listen(options.port ?? 0);
  return { ...fixture, server, url };
}
