import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDatabase } from '../../store/testing/test-databases.ts';
import { createParleyServer, type ParleyServer } from '../parley-server.ts';
import { type ConversationLog, checkDurableStore } from './check-durable-store.ts';
import { DURABLE_ENVIRONMENT, seedDurableFixture } from './seed-durable-fixture.ts';

/** The crash test's verdict is only worth something if it sees a store that went wrong. */
describe('checkDurableStore', () => {
  let handle: TestDatabase;
  let server: ParleyServer;
  let logs: ConversationLog[];

  beforeEach(async () => {
    handle = await freshSqlite();
    server = createParleyServer({ database: handle.database, logger: pino({ level: 'silent' }) });
    const { services } = server;
    const { flowId, apiKey } = await seedDurableFixture(services);
    const actor = apiKey ? await services.auth.authenticateApiKey(apiKey) : null;
    if (!actor) throw new Error('the fixture key does not authenticate');
    const exchange = async (input: Parameters<typeof services.conversations.send>[1], text: string) => ({
      messageId: input.messageId,
      text,
      reply: await services.conversations.send(actor, input),
      lostSends: 0,
    });
    const opening = await exchange(
      {
        channel: 'web',
        address: 'a',
        flowId,
        environment: DURABLE_ENVIRONMENT,
        messageId: 'hello',
        event: { type: 'user.message', text: 'hello' },
      },
      'hello',
    );
    const { conversationId } = opening.reply;
    const next = (n: number) =>
      exchange(
        { conversationId, messageId: `m${n}`, event: { type: 'user.message', text: `m${n}` } },
        `m${n}`,
      );
    logs = [{ conversationId, exchanges: [opening, await next(1), await next(2)] }];
  });

  afterEach(async () => {
    await server.close();
    await handle.drop().catch(() => undefined);
  });

  it('finds nothing wrong with a store that matches what the connector saw', async () => {
    expect(await checkDurableStore(handle.database, logs)).toEqual([]);
  });

  it('reports a message stored twice', async () => {
    const { tables, transaction, db } = handle.database;
    const [row] = await db.select().from(tables.messages).where(eq(tables.messages.turn, 1)).limit(1);
    if (!row) throw new Error('no transcript');
    await transaction((tx) => tx.insert(tables.messages).values({ ...row, turn: 3 }));
    expect(await checkDurableStore(handle.database, logs)).toEqual([
      expect.stringContaining('1 transcript rows past the last turn'),
      expect.stringContaining('message m1: in the transcript 2 times'),
    ]);
  });

  it('reports an answered message the store lost, and an answer that differs from the stored one', async () => {
    const { tables, transaction } = handle.database;
    await transaction((tx) => tx.delete(tables.turns).where(eq(tables.turns.messageId, 'm2')));
    const [, , second] = logs[0]?.exchanges ?? [];
    if (second) second.reply = { ...second.reply, messages: [{ type: 'text', text: '#9 m2' }] };
    const problems = await checkDurableStore(handle.database, logs);
    expect(problems).toContainEqual(expect.stringContaining('2 turns rows for 3 message ids'));
    expect(problems).toContainEqual(expect.stringContaining('message m2: 0 turns rows'));
    expect(problems).toContainEqual(expect.stringContaining('message m2: the transcript says'));
  });
});
