import pino from 'pino';
import type { ParleyServices } from '../../api/context.ts';
import { loadExamples } from '../../server/load-examples.ts';
import { createParleyServer } from '../../server/parley-server.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';

export const ADMIN = { email: 'ada@example.com', password: 'correct horse battery staple' } as const;

export type TestServer = {
  /** `http://127.0.0.1:<port>`, as PARLEY_URL takes it. */
  url: string;
  services: ParleyServices;
  /** A session token of the admin ADA. */
  adminToken: string;
  /** An API key for every flow in `development`. */
  apiKey: string;
  /** Flow ids of the examples by name, published (version 1) and deployed to `development`. */
  flows: Record<string, string>;
  close(): Promise<void>;
};

/**
 * A real server on a fresh SQLite file, listening on a free port, with the example flows live in
 * `development`, an admin and a connector API key: what the client, CLI and connector tests talk to.
 */
export async function startTestServer(): Promise<TestServer> {
  const sqlite = await freshSqlite();
  const server = createParleyServer({ database: sqlite.database, logger: pino({ level: 'silent' }) });
  const { services } = server;
  const examples = await loadExamples(services);
  await services.auth.createUser(systemPrincipal, { ...ADMIN, name: 'Ada Lovelace', role: 'admin' });
  const { token: adminToken } = await services.auth.signIn(ADMIN);
  const { key: apiKey } = await services.auth.createApiKey(systemPrincipal, {
    name: 'test connector',
    scopes: { flowIds: '*', environments: ['development'] },
  });
  const url = await server.listen(0);
  return {
    url,
    services,
    adminToken,
    apiKey,
    flows: Object.fromEntries(examples.map((example) => [example.name, example.flowId])),
    // The server closes the database; drop() closing it again is harmless and removes the file.
    close: async () => {
      await server.close();
      await sqlite.drop();
    },
  };
}
