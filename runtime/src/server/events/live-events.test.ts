import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { echoFlow, fakeClock } from '../../services/conversations/testing/conversation-fixtures.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
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

const text = (value: string) => ({ type: 'user.message' as const, text: value });

describe.each(testDatabases)('live events on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let running: Running;
  let agent: string;
  let operator: string;
  let connector: string;
  let flowId: string;
  const recorders: Recorder[] = [];
  let messageCount = 0;

  beforeAll(async () => {
    handle = await open();
    running = await startServer(handle.database);
    agent = await signedIn(running.server, 'agent');
    operator = await signedIn(running.server, 'operator');
    connector = await apiKey(running.server, { flowIds: '*', environments: ['production'] });
    flowId = await liveFlow(handle.database, echoFlow(), ['production', 'staging']);
  });
  afterEach(async () => {
    for (const recorder of recorders.splice(0)) recorder.unsubscribe();
    await new Recorder().until(() => running.server.services.events.streams === 0, 'the streams to close');
  });
  afterAll(async () => {
    await running?.server.close();
    await handle?.drop();
  });

  const api = () => clientFor(running.trpcUrl, { credential: connector });
  const start = async (environment = 'production') => {
    const client =
      environment === 'production' ? api() : clientFor(running.trpcUrl, { credential: operator });
    return client.conversations.start.mutate({
      flowId,
      environment,
      channel: 'web',
      address: `visitor-${++messageCount}`,
    });
  };
  const say = (conversationId: string, value: string, credential = connector) =>
    clientFor(running.trpcUrl, { credential }).conversations.send.mutate({
      conversationId,
      messageId: `m-${++messageCount}`,
      event: text(value),
    });

  function followConversation(
    credential: string,
    input: { conversationId: string; fromTurn?: number; lastEventId?: string },
  ): Recorder {
    const recorder = new Recorder();
    const subscription = clientFor(running.trpcUrl, { credential }).events.conversation.subscribe(
      input,
      recorder,
    );
    recorder.unsubscribe = () => subscription.unsubscribe();
    recorders.push(recorder);
    return recorder;
  }

  function followFlow(
    credential: string,
    input: { flowId: string; environment?: string; lastEventId?: string },
  ) {
    const recorder = new Recorder();
    const subscription = clientFor(running.trpcUrl, { credential }).events.flow.subscribe(input, recorder);
    recorder.unsubscribe = () => subscription.unsubscribe();
    recorders.push(recorder);
    return recorder;
  }

  /** Subscriptions are live once the server follows them; a turn taken before that is not "after subscribing". */
  const streamsOpen = (count: number) =>
    new Recorder().until(() => running.server.services.events.streams >= count, `${count} open streams`);

  it('streams each committed turn of a conversation to an agent: the user event and the bot replies, then its end', async () => {
    const { conversationId } = await start();
    const agentView = followConversation(agent, { conversationId });
    await streamsOpen(1);

    await say(conversationId, 'hello there');
    await say(conversationId, 'bye');
    await agentView.until((r) => r.completed, 'the stream to finish after the end');

    expect(agentView.events.map(summary)).toEqual([
      '1 turn user.message:hello there -> #1 hello there | Say something',
      '2 turn user.message:bye -> Bye | end',
      '2 ended resolved',
    ]);
    expect(agentView.received.map((r) => r.id)).toEqual(['1.1', '2.1', '2.2']);
    expect(agentView.events[0]).toMatchObject({
      conversationId,
      flowId,
      environment: 'production',
      version: 1,
      user: text('hello there'),
    });
    expect(agentView.error).toBeNull();
  });

  it('replays the transcript from a turn before following, so nothing between reading and subscribing is lost', async () => {
    const { conversationId } = await start();
    await say(conversationId, 'one');
    const replay = followConversation(agent, { conversationId, fromTurn: 0 });
    await replay.untilCount(3);
    await say(conversationId, 'two');
    await replay.untilCount(4);
    expect(replay.events.map(summary)).toEqual([
      '0 started',
      '0 turn Hello | Say something',
      '1 turn user.message:one -> #1 one | Say something',
      '2 turn user.message:two -> #2 two | Say something',
    ]);
  });

  it('resumes after the last event id it is given, with what was missed and nothing twice', async () => {
    const { conversationId } = await start();
    const first = followConversation(agent, { conversationId, fromTurn: 0 });
    await say(conversationId, 'one');
    await first.untilCount(3);
    first.unsubscribe();
    const lastEventId = first.received.at(-1)?.id ?? '';

    await say(conversationId, 'two');
    await say(conversationId, 'three');
    const resumed = followConversation(agent, { conversationId, lastEventId });
    await resumed.untilCount(2);
    await say(conversationId, 'four');
    await resumed.untilCount(3);
    expect(resumed.events.map(summary)).toEqual([
      '2 turn user.message:two -> #2 two | Say something',
      '3 turn user.message:three -> #3 three | Say something',
      '4 turn user.message:four -> #4 four | Say something',
    ]);
  });

  it('resumes on its own after the connection drops: the link reconnects with the last event id', async () => {
    const { conversationId } = await start();
    const view = followConversation(agent, { conversationId });
    await streamsOpen(1);
    await say(conversationId, 'before');
    await view.untilCount(1);

    // Every connection cut, as a proxy restart would; the turn lands while the stream is away.
    running.server.app.server.closeAllConnections();
    await running.server.services.conversations.send(
      { type: 'system', id: 'system' },
      { conversationId, messageId: `m-${++messageCount}`, event: text('while away') },
    );
    await view.untilCount(2, 10_000);
    await say(conversationId, 'after');
    await view.untilCount(3);
    expect(view.events.map(summary)).toEqual([
      '1 turn user.message:before -> #1 before | Say something',
      '2 turn user.message:while away -> #2 while away | Say something',
      '3 turn user.message:after -> #3 after | Say something',
    ]);
  });

  it('streams every conversation of a flow to the designer, starts and ends included, one environment when asked', async () => {
    const everywhere = followFlow(operator, { flowId });
    const stagingOnly = followFlow(operator, { flowId, environment: 'staging' });
    await streamsOpen(2);

    const production = await start('production');
    const staging = await start('staging');
    await say(production.conversationId, 'bye');
    await everywhere.untilCount(6);
    await stagingOnly.untilCount(2);

    const of = (recorder: Recorder, id: string) =>
      recorder.events.filter((e) => e.conversationId === id).map(summary);
    expect(of(everywhere, production.conversationId)).toEqual([
      '0 started',
      '0 turn Hello | Say something',
      '1 turn user.message:bye -> Bye | end',
      '1 ended resolved',
    ]);
    expect(of(everywhere, staging.conversationId)).toEqual(['0 started', '0 turn Hello | Say something']);
    expect(stagingOnly.events.every((e) => e.environment === 'staging')).toBe(true);
    expect(of(stagingOnly, staging.conversationId)).toEqual(['0 started', '0 turn Hello | Say something']);
    expect(everywhere.received.every((r) => r.id.includes(`:${r.event.conversationId}:`))).toBe(true);
  });

  it('resumes a flow stream after its last event id without losing a turn', async () => {
    const first = followFlow(operator, { flowId, environment: 'production' });
    await streamsOpen(1);
    const a = await start();
    await first.untilCount(2);
    first.unsubscribe();
    const lastEventId = first.received.at(-1)?.id ?? '';

    await say(a.conversationId, 'missed');
    const b = await start();
    const resumed = followFlow(operator, { flowId, environment: 'production', lastEventId });
    await resumed.untilCount(3);
    await say(b.conversationId, 'live');
    await resumed.until(
      (r) => r.events.some((e) => e.conversationId === b.conversationId && e.turn === 1),
      'the live turn',
    );

    // On PostgreSQL a resume looks a moment further back (see flow-stream.ts), so earlier tests'
    // conversations from that moment may come again; these two must come exactly so.
    const seen = resumed.events
      .filter((e) => e.conversationId === a.conversationId || e.conversationId === b.conversationId)
      .map((e) => `${e.conversationId === a.conversationId ? 'a' : 'b'} ${summary(e)}`);
    expect(seen).toEqual([
      'a 1 turn user.message:missed -> #1 missed | Say something',
      'b 0 started',
      'b 0 turn Hello | Say something',
      'b 1 turn user.message:live -> #1 live | Say something',
    ]);
  });

  it('authenticates a browser subscription by its connection params', async () => {
    const { conversationId } = await start();
    const recorder = new Recorder();
    const subscription = clientFor(running.trpcUrl, {
      connectionParamsCredential: agent,
    }).events.conversation.subscribe({ conversationId }, recorder);
    recorder.unsubscribe = () => subscription.unsubscribe();
    recorders.push(recorder);
    await streamsOpen(1);
    await say(conversationId, 'hi');
    await recorder.untilCount(1);
    expect(recorder.error).toBeNull();
  });

  it('refuses anonymous callers, unknown conversations and API keys outside their scopes', async () => {
    const staging = await start('staging');
    const refused = async (credential: string | null, input: { conversationId: string }) => {
      const recorder = new Recorder();
      clientFor(running.trpcUrl, { credential }).events.conversation.subscribe(input, recorder);
      await recorder.until((r) => r.error !== null, 'the refusal');
      return recorder.error?.data?.code;
    };
    expect(await refused(null, { conversationId: staging.conversationId })).toBe('UNAUTHORIZED');
    expect(await refused(agent, { conversationId: 'conv_nope' })).toBe('NOT_FOUND');
    expect(await refused(connector, { conversationId: staging.conversationId })).toBe('FORBIDDEN');

    const flowRefusal = new Recorder();
    clientFor(running.trpcUrl, { credential: connector }).events.flow.subscribe(
      { flowId, environment: 'staging' },
      flowRefusal,
    );
    await flowRefusal.until((r) => r.error !== null, 'the refusal');
    expect(flowRefusal.error?.data?.code).toBe('FORBIDDEN');
    expect(running.server.services.events.streams).toBe(0);
  });

  it('lets an API key follow the flow only in its environments', async () => {
    const keyView = followFlow(connector, { flowId });
    await streamsOpen(1);
    const staging = await start('staging');
    const production = await start('production');
    await keyView.until(
      (r) => r.events.some((e) => e.conversationId === production.conversationId),
      'production',
    );
    expect(keyView.events.some((e) => e.conversationId === staging.conversationId)).toBe(false);
  });
});

describe.each(testDatabases)('durable timer turns on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let running: Running;
  const clock = fakeClock(Date.now());

  beforeAll(async () => {
    handle = await open();
    running = await startServer(handle.database, { clock, jobPollMs: 20 });
  });
  afterAll(async () => {
    await running?.server.close();
    await handle?.drop();
  });

  it('announces a no-input reminder and an expiry like any other turn', async () => {
    const flowId = await liveFlow(
      handle.database,
      echoFlow({ id: 'reminders', settings: { noInputTimeoutSeconds: 30, idleTimeoutMinutes: 1 } }),
    );
    const agent = await signedIn(running.server, 'agent');
    const { services } = running.server;
    const { conversationId } = await services.conversations.start(
      { type: 'system', id: 'system' },
      { flowId, environment: 'production', channel: 'web', address: 'quiet' },
    );
    const recorder = new Recorder();
    const subscription = clientFor(running.trpcUrl, { credential: agent }).events.conversation.subscribe(
      { conversationId },
      recorder,
    );
    await recorder.until(() => services.events.streams === 1, 'the stream to open');

    clock.advance(31_000);
    await recorder.untilCount(1);
    clock.advance(60_000);
    await recorder.until((r) => r.completed, 'the end');
    subscription.unsubscribe();

    expect(recorder.events.map(summary)).toEqual(['1 turn Still there?', '2 turn end', '2 ended expired']);
    expect(recorder.events[0]).toMatchObject({ type: 'turn', user: null });
  });
});
