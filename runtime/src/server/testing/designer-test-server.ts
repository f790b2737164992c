import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParleyServices } from '../../api/context.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { openDatabase } from '../../store/database.ts';
import { discardingLogger } from '../durability/discarding-logger.ts';
import { createParleyServer } from '../parley-server.ts';

export type TestUser = {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'operator' | 'agent';
};

export const TEST_USERS = {
  admin: { email: 'ada@parley.test', password: 'admin password 1', name: 'Ada Admin', role: 'admin' },
  operator: {
    email: 'otto@parley.test',
    password: 'operator password 1',
    name: 'Otto Operator',
    role: 'operator',
  },
} as const satisfies Record<string, TestUser>;

export type DesignerTestServer = { url: string; services: ParleyServices; close: () => Promise<void> };

/**
 * The real server on a fresh SQLite file with the designer build in `designerDir` at `/` and the users of
 * TEST_USERS: what the designer's end-to-end tests drive a browser against.
 */
export async function startDesignerTestServer(designerDir: string): Promise<DesignerTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-designer-'));
  const database = await openDatabase({ file: join(dir, 'parley.db') });
  const server = createParleyServer({ database, logger: discardingLogger('warn'), designerDir });
  for (const user of Object.values(TEST_USERS)) await server.services.auth.createUser(systemPrincipal, user);
  const url = await server.listen(0);
  return {
    url,
    services: server.services,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
