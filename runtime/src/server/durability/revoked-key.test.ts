import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApiKey } from '../../services/auth/api-key-format.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { createParleyServer, type ParleyServer } from '../parley-server.ts';
import { DURABLE_ENVIRONMENT, seedDurableFixture } from './seed-durable-fixture.ts';
import { callMutation, ProcedureFailed } from './trpc-call.ts';

/** Regression guard for the API key cache: a connector's key is checked from memory, yet revocation bites at once. */
describe.each(testDatabases)('a connector whose key is revoked ($dialect)', ({ open }) => {
  let handle: TestDatabase | undefined;
  let server: ParleyServer | undefined;

  afterEach(async () => {
    if (server) await server.close();
    else await handle?.database.close();
    await handle?.drop().catch(() => undefined);
  });

  it('is refused on its very next request', async () => {
    handle = await open();
    server = createParleyServer({ database: handle.database, logger: pino({ level: 'silent' }) });
    const { flowId, apiKey } = await seedDurableFixture(server.services);
    const id = apiKey ? parseApiKey(apiKey)?.id : undefined;
    if (!apiKey || !id) throw new Error('the fixture has no key');
    const url = await server.listen(0);
    const send = (messageId: string) =>
      callMutation(
        url,
        'conversations.send',
        {
          channel: 'web',
          address: 'visitor',
          flowId,
          environment: DURABLE_ENVIRONMENT,
          messageId,
          event: { type: 'user.message', text: messageId },
        },
        { apiKey, agent: false },
      );

    await send('one');
    await send('two');
    await server.services.auth.revokeApiKey(systemPrincipal, { id });
    const refused = await send('three').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProcedureFailed);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});
