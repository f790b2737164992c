import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoFlow } from '../../services/conversations/testing/conversation-fixtures.ts';
import { openDatabase } from '../../store/database.ts';
import { freshPostgres, type TestDatabase } from '../../store/testing/test-databases.ts';
import { pgPoolOf } from './pg-turn-relay.ts';
import {
  apiKey,
  clientFor,
  liveFlow,
  Recorder,
  type Running,
  signedIn,
  startServer,
  summary,
} from './testing/live-test-kit.ts';

/*
 * Two runtime instances on one PostgreSQL database: a stream on one sees the turns taken through the
 * other (NOTIFY carries the ids, the stream reads the committed rows).
 */
describe('live events across instances on PostgreSQL', () => {
  let handle: TestDatabase;
  let a: Running;
  let b: Running;
  let connectionString: string;
  let agentOnA: string;
  let keyOnB: string;
  let flowId: string;
  let count = 0;

  beforeAll(async () => {
    handle = await freshPostgres();
    connectionString = pgPoolOf(handle.database)?.options.connectionString ?? '';
    a = await startServer(handle.database);
    // Server B opens its own pool and closes it when it stops.
    b = await startServer(await openDatabase({ url: connectionString }), { keepDatabaseOpen: false });
    agentOnA = await signedIn(a.server, 'agent');
    keyOnB = await apiKey(b.server, { flowIds: '*', environments: '*' });
    flowId = await liveFlow(handle.database, echoFlow());
  });
  afterAll(async () => {
    await b?.server.close();
    await a?.server.close();
    await handle?.drop();
  });

  const viaB = () => clientFor(b.trpcUrl, { credential: keyOnB });
  const say = (conversationId: string, text: string) =>
    viaB().conversations.send.mutate({
      conversationId,
      messageId: `m-${++count}`,
      event: { type: 'user.message', text },
    });
  const streamsOnA = (n: number) =>
    new Recorder().until(() => a.server.services.events.streams === n, `${n} streams on A`);

  it('shows a subscriber on server A the turns taken through server B', async () => {
    const flowView = new Recorder();
    const flowSubscription = clientFor(a.trpcUrl, { credential: agentOnA }).events.flow.subscribe(
      { flowId },
      flowView,
    );
    await streamsOnA(1);
    const { conversationId } = await viaB().conversations.start.mutate({
      flowId,
      environment: 'production',
      channel: 'web',
      address: 'across',
    });
    const conversationView = new Recorder();
    const conversationSubscription = clientFor(a.trpcUrl, {
      credential: agentOnA,
    }).events.conversation.subscribe({ conversationId }, conversationView);
    await streamsOnA(2);
    await say(conversationId, 'from B');
    await say(conversationId, 'bye');

    await conversationView.until((r) => r.completed, 'the conversation to end');
    await flowView.untilCount(5);
    flowSubscription.unsubscribe();
    conversationSubscription.unsubscribe();

    expect(conversationView.events.map(summary)).toEqual([
      '1 turn user.message:from B -> #1 from B | Say something',
      '2 turn user.message:bye -> Bye | end',
      '2 ended resolved',
    ]);
    expect(flowView.events.map(summary)).toEqual([
      '0 started',
      '0 turn Hello | Say something',
      '1 turn user.message:from B -> #1 from B | Say something',
      '2 turn user.message:bye -> Bye | end',
      '2 ended resolved',
    ]);
    await streamsOnA(0);
  });

  it('catches up from the transcript when the listener lost its connection and notices went missing', async () => {
    const { conversationId } = await viaB().conversations.start.mutate({
      flowId,
      environment: 'production',
      channel: 'web',
      address: 'outage',
    });
    const view = new Recorder();
    const subscription = clientFor(a.trpcUrl, { credential: agentOnA }).events.conversation.subscribe(
      { conversationId },
      view,
    );
    await streamsOnA(1);

    // Cut every LISTEN connection (A's and B's), then take a turn through B while nobody listens.
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    const { rows } = await admin.query<{ terminated: boolean }>(
      `select pg_terminate_backend(pid) as terminated from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`,
    );
    await admin.end();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    await say(conversationId, 'during the outage');

    await view.untilCount(1, 10_000);
    subscription.unsubscribe();
    expect(view.events.map(summary)).toEqual([
      '1 turn user.message:during the outage -> #1 during the outage | Say something',
    ]);
    await streamsOnA(0);
  });
});
