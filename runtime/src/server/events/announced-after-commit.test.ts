import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommittedTurn, createConversationService } from '../../services/conversations/index.ts';
import {
  deploy,
  echoFlow,
  failingEventInserts,
  publish,
} from '../../services/conversations/testing/conversation-fixtures.ts';
import { systemPrincipal } from '../../services/principal.ts';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';

/** The conversation service's hook, which feeds live events, logs and metrics. */
describe.each(testDatabases)('turns are announced after they commit, on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await deploy(database, 'echo', 'production', await publish(database, echoFlow(), 1));
  });
  afterAll(() => handle?.drop());

  /** A service whose hook records each announcement with the transcript rows of its turn, read right then. */
  function announcing(db: Database) {
    const announced: { turn: CommittedTurn; rowsSeen: Promise<number> }[] = [];
    const service = createConversationService({
      database: db,
      onTurnCommitted: (turn) => {
        const m = database.tables.messages;
        // Started synchronously inside the hook: on SQLite the read runs before the hook returns.
        const rowsSeen = database.db
          .select({ turn: m.turn })
          .from(m)
          .where(and(eq(m.conversationId, turn.conversationId), eq(m.turn, turn.turn)))
          .then((rows) => rows.length);
        announced.push({ turn, rowsSeen });
      },
    });
    return { service, announced };
  }

  it('announces starts, turns and resets with the committed turn already readable', async () => {
    const { service, announced } = announcing(database);
    const { conversationId } = await service.start(systemPrincipal, {
      flowId: 'echo',
      environment: 'production',
      channel: 'web',
      address: 'a',
    });
    await service.send(systemPrincipal, {
      conversationId,
      messageId: 'm1',
      event: { type: 'user.message', text: 'hi' },
    });
    // A repeated message changes nothing and is not announced again.
    await service.send(systemPrincipal, {
      conversationId,
      messageId: 'm1',
      event: { type: 'user.message', text: 'hi' },
    });
    await service.reset(systemPrincipal, { conversationId });

    expect(announced.map(({ turn }) => [turn.turn, turn.cause, turn.status, turn.resolution])).toEqual([
      [0, 'start', 'active', null],
      [1, 'user.message', 'active', null],
      [2, 'reset', 'ended', 'reset'],
    ]);
    expect(await Promise.all(announced.map((a) => a.rowsSeen))).toEqual([2, 3, 1]);
    expect(announced[1]?.turn).toMatchObject({
      conversationId,
      flowId: 'echo',
      environment: 'production',
      version: 1,
      node: 'listen',
      messages: 2,
      vars: { count: 1, last: 'hi' },
      sensitive: [],
    });
    expect(announced[1]?.turn.durationMs).toBeGreaterThan(0);
  });

  it('never announces a turn whose transaction rolled back', async () => {
    const { service: working } = announcing(database);
    const { conversationId } = await working.start(systemPrincipal, {
      flowId: 'echo',
      environment: 'production',
      channel: 'web',
      address: 'b',
    });
    const { service: failing, announced } = announcing(failingEventInserts(database));
    await expect(
      failing.send(systemPrincipal, {
        conversationId,
        messageId: 'm2',
        event: { type: 'user.message', text: 'lost' },
      }),
    ).rejects.toThrow('disk full while writing events');
    await expect(
      failing.start(systemPrincipal, {
        flowId: 'echo',
        environment: 'production',
        channel: 'web',
        address: 'c',
      }),
    ).rejects.toThrow('disk full while writing events');
    expect(announced).toEqual([]);
  });
});
