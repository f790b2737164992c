import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { UserEvent } from '@parley/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { pickVersion } from '../flows/index.ts';
import type { Principal } from '../principal.ts';
import { type ConversationService, createConversationService } from './conversation-service.ts';
import {
  admin,
  deploy,
  echoFlow,
  type FakeClock,
  failingEventInserts,
  fakeClock,
  lookupFlow,
  publish,
  rowCounts,
} from './testing/conversation-fixtures.ts';

const say = (text: string): UserEvent => ({ type: 'user.message', text });
const text = (value: string) => ({ type: 'text', text: value });

let flowCount = 0;
/** Every test gets its own flow, so tests sharing a database do not see each other's conversations. */
const uniqueId = (prefix: string) => `${prefix}-${++flowCount}`;

describe.each(testDatabases)('conversation service on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  let clock: FakeClock;
  let service: ConversationService;

  beforeAll(async () => {
    handle = await open();
    database = handle.database;
  });
  afterAll(() => handle.drop());
  beforeEach(() => {
    clock = fakeClock();
    service = createConversationService({ database, clock });
  });

  /** Publishes `flow` as version 1 and deploys it to production. */
  async function live(flow = echoFlow({ id: uniqueId('echo') })) {
    const versionId = await publish(database, flow, 1);
    await deploy(database, flow.id, 'production', versionId);
    return { flowId: flow.id, versionId };
  }

  const startIn = (flowId: string, environment = 'production') => ({
    flowId,
    environment,
    channel: 'web',
    address: 'browser-1',
  });

  async function eventsOf(conversationId: string) {
    const { db, tables } = database;
    const rows = await db
      .select({ type: tables.events.type, nodeId: tables.events.nodeId, data: tables.events.data })
      .from(tables.events)
      .where(eq(tables.events.conversationId, conversationId));
    return rows;
  }

  describe('start', () => {
    it('runs the deployed version to its first question and keeps the opening in the transcript', async () => {
      const { flowId, versionId } = await live();
      const reply = await service.start(admin, startIn(flowId));
      expect(reply).toEqual({
        conversationId: expect.stringMatching(/^conv_/),
        version: 1,
        messages: [text('Hello'), text('Say something')],
        status: 'active',
        resolution: null,
      });
      const view = await service.get(admin, { conversationId: reply.conversationId });
      expect(view).toMatchObject({
        flowId,
        versionId,
        version: 1,
        status: 'active',
        node: 'listen',
        turns: 1,
      });
      expect(view.expiresAt).toBe(clock.time + 30 * 60_000);
      const transcript = await service.transcript(admin, { conversationId: reply.conversationId });
      expect(transcript.map((m) => [m.turn, m.position, m.direction, m.body])).toEqual([
        [0, 0, 'bot', text('Hello')],
        [0, 1, 'bot', text('Say something')],
      ]);
      expect(await eventsOf(reply.conversationId)).toEqual([
        {
          type: 'conversation.started',
          nodeId: null,
          data: { channel: 'web', locale: 'en', actor: { type: 'user', id: admin.id }, split: false },
        },
        { type: 'node.entered', nodeId: 'listen', data: {} },
      ]);
    });

    it('refuses a flow with nothing deployed to the environment, saying what to do', async () => {
      const { flowId } = await live();
      await expect(service.start(admin, startIn(flowId, 'staging'))).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: `nothing is deployed to staging for flow "${flowId}"; deploy a version there first`,
      });
    });
  });

  describe('versions', () => {
    it('keeps a conversation on its version after a new version is deployed', async () => {
      const flowId = uniqueId('pinned');
      const v1 = await publish(database, echoFlow({ id: flowId }), 1);
      await deploy(database, flowId, 'production', v1);
      const before = await service.start(admin, startIn(flowId));

      const v2 = await publish(database, echoFlow({ id: flowId, echo: 'v2 says {{last}}' }), 2);
      await deploy(database, flowId, 'production', v2);
      const old = await service.send(admin, {
        conversationId: before.conversationId,
        event: say('hi'),
        messageId: 'm1',
      });
      expect(old).toMatchObject({ version: 1, messages: [text('#1 hi'), text('Say something')] });

      const after = await service.start(admin, startIn(flowId));
      expect(after.version).toBe(2);
      const fresh = await service.send(admin, {
        conversationId: after.conversationId,
        event: say('hi'),
        messageId: 'm1',
      });
      expect(fresh).toMatchObject({ version: 2, messages: [text('v2 says hi'), text('Say something')] });
      expect(await service.get(admin, { conversationId: before.conversationId })).toMatchObject({
        versionId: v1,
      });
    });

    it('splits new conversations by their id, about evenly at 50%, and each keeps its side', async () => {
      const flowId = uniqueId('split');
      const v1 = await publish(database, echoFlow({ id: flowId }), 1);
      const v2 = await publish(database, echoFlow({ id: flowId, echo: 'v2 says {{last}}' }), 2);
      const deployment = { versionId: v1, splitVersionId: v2, splitPercent: 50 };
      await deploy(database, flowId, 'production', v1, { versionId: v2, percent: 50 });
      let next = 0;
      const splitting = createConversationService({
        database,
        clock,
        newConversationId: () => `conv_${flowId}_${next++}`,
      });

      const replies = [];
      for (let batch = 0; batch < 20; batch++) {
        replies.push(
          ...(await Promise.all(Array.from({ length: 50 }, () => splitting.start(admin, startIn(flowId))))),
        );
      }
      const onSplit = replies.filter((reply) => reply.version === 2);
      expect(onSplit.length).toBeGreaterThanOrEqual(450);
      expect(onSplit.length).toBeLessThanOrEqual(550);
      for (const reply of replies) {
        expect(reply.version).toBe(pickVersion(deployment, reply.conversationId) === v2 ? 2 : 1);
      }

      // Ending the split changes nothing for conversations already on version 2.
      await deploy(database, flowId, 'production', v1);
      const [canary] = onSplit;
      const later = await splitting.send(admin, {
        conversationId: canary?.conversationId ?? '',
        event: say('still?'),
        messageId: 'm1',
      });
      expect(later).toMatchObject({ version: 2, messages: [text('v2 says still?'), text('Say something')] });
      expect((await splitting.start(admin, startIn(flowId))).version).toBe(1);
    });
  });

  describe('send', () => {
    it('answers a retried message with its first answer and writes nothing more', async () => {
      const { flowId } = await live();
      const { conversationId } = await service.start(admin, startIn(flowId));
      const first = await service.send(admin, { conversationId, event: say('one'), messageId: 'wa-1' });
      const counts = await rowCounts(database);
      const before = await service.get(admin, { conversationId });

      clock.advance(1000);
      const retry = await service.send(admin, { conversationId, event: say('one'), messageId: 'wa-1' });
      expect(retry).toEqual(first);
      expect(await rowCounts(database)).toEqual(counts);
      expect(await service.get(admin, { conversationId })).toEqual(before);

      const second = await service.send(admin, { conversationId, event: say('two'), messageId: 'wa-2' });
      expect(second.messages[0]).toEqual(text('#2 two'));
    });

    it('serves 20 concurrent sends to one conversation one at a time, in the order they arrived', async () => {
      const { flowId } = await live();
      const { conversationId } = await service.start(admin, startIn(flowId));
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          service.send(admin, { conversationId, event: say(`m${i}`), messageId: `id-${i}` }),
        ),
      );
      // Each answer counts the turns before it: the turns ran one after another, never from the same snapshot.
      replies.forEach((reply, i) => {
        expect(reply.messages).toEqual([text(`#${i + 1} m${i}`), text('Say something')]);
      });
      const transcript = await service.transcript(admin, { conversationId });
      expect(
        transcript.slice(2).map((m) => (m.direction === 'user' ? `> ${m.body.text}` : m.body.text)),
      ).toEqual(Array.from({ length: 20 }, (_, i) => [`> m${i}`, `#${i + 1} m${i}`, 'Say something']).flat());
      expect(await service.get(admin, { conversationId })).toMatchObject({ turns: 21 });
    });

    it('takes turns from two runtime instances on one database without losing any', async () => {
      const { flowId } = await live();
      const other = createConversationService({ database, clock });
      const { conversationId } = await service.start(admin, startIn(flowId));
      const replies = await Promise.all([
        service.send(admin, { conversationId, event: say('a'), messageId: 'a' }),
        other.send(admin, { conversationId, event: say('b'), messageId: 'b' }),
        service.send(admin, { conversationId, event: say('c'), messageId: 'c' }),
        other.send(admin, { conversationId, event: say('d'), messageId: 'd' }),
      ]);
      const echoes = replies.map((reply) => reply.messages[0]).map((m) => (m?.type === 'text' ? m.text : ''));
      expect(echoes.map((echo) => echo.split(' ')[0]).sort()).toEqual(['#1', '#2', '#3', '#4']);
      expect(await service.get(admin, { conversationId })).toMatchObject({ turns: 5 });
    });

    it("continues from the other instance's turns when two instances take turns one after another", async () => {
      const { flowId } = await live();
      const other = createConversationService({ database, clock });
      const { conversationId } = await service.start(admin, startIn(flowId));
      const echoes: string[] = [];
      for (const [i, instance] of [service, other, service, other, service].entries()) {
        const reply = await instance.send(admin, { conversationId, event: say(`m${i}`), messageId: `m${i}` });
        const [echo] = reply.messages;
        echoes.push(echo?.type === 'text' ? echo.text : '');
      }
      // Each instance remembers the conversation as it last left it; the other's turns are never lost.
      expect(echoes).toEqual(['#1 m0', '#2 m1', '#3 m2', '#4 m3', '#5 m4']);
    });

    it('keeps a conversation going whose deadline another instance moved', async () => {
      const { flowId } = await live(echoFlow({ id: uniqueId('idle'), settings: { idleTimeoutMinutes: 5 } }));
      const other = createConversationService({ database, clock });
      const { conversationId } = await service.start(admin, startIn(flowId));
      clock.advance(4 * 60_000);
      await other.send(admin, { conversationId, event: say('one'), messageId: '1' });
      // Past the deadline `service` last saw, within the one the other instance's turn set.
      clock.advance(2 * 60_000);
      const reply = await service.send(admin, { conversationId, event: say('two'), messageId: '2' });
      expect(reply.messages[0]).toEqual(text('#2 two'));
      expect(await service.get(admin, { conversationId })).toMatchObject({ status: 'active', turns: 3 });
    });

    it('runs different conversations in parallel: a slow HTTP call holds up only its own', async () => {
      const flowId = uniqueId('lookup');
      const versionId = await publish(database, lookupFlow(flowId), 1);
      await deploy(database, flowId, 'production', versionId);
      const held = new Map<string, () => void>();
      const http: RuntimeDeps['http'] = async ({ url }) => {
        const word = url.pathname.split('/').pop() ?? '';
        if (word === 'slow') await new Promise<void>((resolve) => held.set(word, resolve));
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
      };
      const lookups = createConversationService({
        database,
        clock,
        runtimeDeps: { http, lookup: async () => ['93.184.216.34'] },
      });
      const a = await lookups.start(admin, startIn(flowId));
      const b = await lookups.start(admin, startIn(flowId));

      const slow = lookups.send(admin, {
        conversationId: a.conversationId,
        event: say('slow'),
        messageId: '1',
      });
      await vi.waitFor(() => expect(held.has('slow')).toBe(true));
      const fast = await lookups.send(admin, {
        conversationId: b.conversationId,
        event: say('fast'),
        messageId: '1',
      });
      expect(fast.messages).toEqual([text('looked up fast'), text('Which word?')]);

      held.get('slow')?.();
      expect((await slow).messages).toEqual([text('looked up slow'), text('Which word?')]);
    });

    it('reports a turn the flow could not finish, keeps the conversation as it was and notes it for the author', async () => {
      const flowId = uniqueId('stuck');
      const flow = lookupFlow(flowId, { limits: { maxStepsPerTurn: 100, turnTimeoutMs: 100 } });
      await deploy(database, flowId, 'production', await publish(database, flow, 1));
      const hanging = createConversationService({
        database,
        clock,
        runtimeDeps: { http: () => new Promise(() => {}), lookup: async () => ['93.184.216.34'] },
      });
      const { conversationId } = await hanging.start(admin, startIn(flowId));
      const before = await hanging.get(admin, { conversationId });
      await expect(
        hanging.send(admin, { conversationId, event: say('word'), messageId: '1' }),
      ).rejects.toMatchObject({
        code: 'TURN_TIMEOUT',
        message: 'the turn took longer than 100 ms at node "call"',
      });
      expect(await hanging.get(admin, { conversationId })).toEqual(before);
      expect(await eventsOf(conversationId)).toContainEqual({
        type: 'turn.failed',
        nodeId: 'call',
        data: { code: 'TURN_TIMEOUT', message: 'the turn took longer than 100 ms at node "call"' },
      });
    });

    it('writes a turn in one transaction: a failing write leaves nothing behind, and a retry works', async () => {
      const { flowId } = await live();
      const { conversationId } = await service.start(admin, startIn(flowId));
      const broken = createConversationService({ database: failingEventInserts(database), clock });
      const counts = await rowCounts(database);
      const before = await service.get(admin, { conversationId });

      await expect(broken.send(admin, { conversationId, event: say('one'), messageId: 'x' })).rejects.toThrow(
        'disk full while writing events',
      );
      await expect(broken.start(admin, startIn(flowId))).rejects.toThrow('disk full while writing events');
      expect(await rowCounts(database)).toEqual(counts);
      expect(await service.get(admin, { conversationId })).toEqual(before);

      const retry = await service.send(admin, { conversationId, event: say('one'), messageId: 'x' });
      expect(retry.messages[0]).toEqual(text('#1 one'));
    });

    it('answers a retry from the stored conversation after its first attempt failed to commit', async () => {
      const { flowId } = await live();
      const broken = failingEventInserts(database);
      let failing = false;
      const flaky = createConversationService({
        database: { ...database, transaction: (fn) => (failing ? broken : database).transaction(fn) },
        clock,
      });
      const { conversationId } = await flaky.start(admin, startIn(flowId));
      await flaky.send(admin, { conversationId, event: say('one'), messageId: '1' });
      failing = true;
      await expect(flaky.send(admin, { conversationId, event: say('two'), messageId: '2' })).rejects.toThrow(
        'disk full while writing events',
      );
      failing = false;
      // The same instance ran the failed turn: nothing of it may count, in memory either.
      const retry = await flaky.send(admin, { conversationId, event: say('two'), messageId: '2' });
      expect(retry.messages[0]).toEqual(text('#2 two'));
      expect(await flaky.get(admin, { conversationId })).toMatchObject({ turns: 3 });
    });

    it('refuses an ended conversation with PRECONDITION_FAILED and records its resolution', async () => {
      const { flowId } = await live();
      const { conversationId } = await service.start(admin, startIn(flowId));
      const bye = await service.send(admin, { conversationId, event: say('bye'), messageId: '1' });
      expect(bye).toMatchObject({
        status: 'ended',
        resolution: 'resolved',
        messages: [text('Bye'), { type: 'end', status: 'resolved' }],
      });
      await expect(
        service.send(admin, { conversationId, event: say('hi'), messageId: '2' }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'the conversation has ended (resolved); start a new one',
      });
      expect(await eventsOf(conversationId)).toContainEqual({
        type: 'conversation.ended',
        nodeId: 'done',
        data: { resolution: 'resolved' },
      });
      const { db, tables } = database;
      expect(
        await db.select().from(tables.jobs).where(eq(tables.jobs.conversationId, conversationId)),
      ).toEqual([]);
    });

    it('refuses bad input with BAD_REQUEST naming the field, and unknown conversations with NOT_FOUND', async () => {
      const { flowId } = await live();
      const { conversationId } = await service.start(admin, startIn(flowId));
      const counts = await rowCounts(database);
      await expect(
        service.send(admin, { conversationId, event: { type: 'user.dtmf', digits: 'abc' }, messageId: '1' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('event.digits: ') });
      await expect(
        service.send(admin, { flowId, event: say('hi'), messageId: '1' } as never),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('channel: is required when no conversationId is given'),
      });
      await expect(
        service.send(admin, { conversationId, event: { type: 'user.wave' } as never, messageId: '1' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('event.type: ') });
      await expect(
        service.send(admin, { conversationId: 'conv_nope', event: say('hi'), messageId: '1' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'conversation "conv_nope" does not exist' });
      expect(await rowCounts(database)).toEqual(counts);
    });
  });

  it('keeps only a bounded number of loaded versions in memory', async () => {
    const small = createConversationService({ database, clock, versionCacheSize: 1 });
    const a = await live();
    const b = await live();
    const first = await small.start(admin, startIn(a.flowId));
    await small.start(admin, startIn(b.flowId));
    expect(small.cachedVersions).toBe(1);
    // The evicted version loads again when its conversation speaks.
    const reply = await small.send(admin, {
      conversationId: first.conversationId,
      event: say('hi'),
      messageId: '1',
    });
    expect(reply.messages[0]).toEqual(text('#1 hi'));
    expect(small.cachedVersions).toBe(1);
  });

  describe('channel addresses', () => {
    it('starts a conversation on the first message from an address and continues it after', async () => {
      const { flowId } = await live();
      const at = { channel: 'whatsapp', address: '+15550001', flowId, environment: 'production' };
      const first = await service.send(admin, { ...at, event: say('hi'), messageId: 'wa-1' });
      expect(first.messages).toEqual([text('Hello'), text('Say something')]);
      const second = await service.send(admin, { ...at, event: say('one'), messageId: 'wa-2' });
      expect(second).toMatchObject({
        conversationId: first.conversationId,
        messages: [text('#1 one'), text('Say something')],
      });
      expect(await service.send(admin, { ...at, event: say('hi'), messageId: 'wa-1' })).toEqual(first);

      const transcript = await service.transcript(admin, { conversationId: first.conversationId });
      expect(transcript.map((m) => `${m.direction}: ${m.body.text}`)).toEqual([
        'user: hi',
        'bot: Hello',
        'bot: Say something',
        'user: one',
        'bot: #1 one',
        'bot: Say something',
      ]);

      await service.send(admin, { ...at, event: say('bye'), messageId: 'wa-3' });
      const again = await service.send(admin, { ...at, event: say('hello again'), messageId: 'wa-4' });
      expect(again.conversationId).not.toBe(first.conversationId);
      expect(again.messages).toEqual([text('Hello'), text('Say something')]);
    });

    it('starts one conversation when the first messages from an address arrive together', async () => {
      const { flowId } = await live();
      const at = { channel: 'sms', address: '+15550002', flowId, environment: 'production' };
      const replies = await Promise.all(
        ['a', 'b', 'c'].map((word) => service.send(admin, { ...at, event: say(word), messageId: word })),
      );
      expect(new Set(replies.map((reply) => reply.conversationId)).size).toBe(1);
      expect(replies.map((reply) => reply.messages[0])).toEqual([text('Hello'), text('#1 b'), text('#2 c')]);
    });

    it('starts one conversation when two runtime instances get the first messages from an address together', async () => {
      const { flowId } = await live();
      const other = createConversationService({ database, clock });
      const at = { channel: 'whatsapp', address: '+15550009', flowId, environment: 'production' };
      const replies = await Promise.all([
        service.send(admin, { ...at, event: say('a'), messageId: 'a' }),
        other.send(admin, { ...at, event: say('b'), messageId: 'b' }),
      ]);
      expect(new Set(replies.map((reply) => reply.conversationId)).size).toBe(1);
      // One message started the conversation and got the greeting; the other became its first turn.
      const openings = replies.map((reply) => reply.messages[0]);
      expect(openings).toContainEqual(text('Hello'));
      expect(openings.filter((m) => m?.type === 'text' && m.text.startsWith('#1 '))).toHaveLength(1);
      const { db, tables } = database;
      const atAddress = await db
        .select({ id: tables.conversations.id })
        .from(tables.conversations)
        .where(and(eq(tables.conversations.address, at.address), eq(tables.conversations.flowId, flowId)));
      expect(atAddress).toHaveLength(1);
    });

    it('does not start a conversation for a hang-up', async () => {
      const { flowId } = await live();
      await expect(
        service.send(admin, {
          channel: 'voice',
          address: '+15550003',
          flowId,
          environment: 'production',
          event: { type: 'user.hangup' },
          messageId: 'h1',
        }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'no conversation is going on at voice address "+15550003"',
      });
    });
  });

  describe('expiry and reset', () => {
    it('expires a conversation left idle longer than the flow allows', async () => {
      const flow = echoFlow({ id: uniqueId('idle'), settings: { idleTimeoutMinutes: 5 } });
      const { flowId } = await live(flow);
      const { conversationId } = await service.start(admin, startIn(flowId));
      clock.advance(4 * 60_000);
      await service.send(admin, { conversationId, event: say('one'), messageId: '1' });
      clock.advance(4 * 60_000);
      // Each message moves the deadline: 8 minutes in, still going.
      await service.send(admin, { conversationId, event: say('two'), messageId: '2' });
      clock.advance(5 * 60_000);
      await expect(
        service.send(admin, { conversationId, event: say('three'), messageId: '3' }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'the conversation expired after a long silence; start a new one',
      });
      expect(await service.get(admin, { conversationId })).toMatchObject({
        status: 'ended',
        resolution: 'expired',
      });
      const transcript = await service.transcript(admin, { conversationId });
      expect(transcript.at(-1)?.body).toEqual({ type: 'end', status: 'expired' });
      expect(await eventsOf(conversationId)).toContainEqual({
        type: 'conversation.ended',
        nodeId: 'listen',
        data: { resolution: 'expired' },
      });
    });

    it('resets a conversation: ended as reset, timers gone, audited, further sends refused', async () => {
      const { flowId } = await live(
        echoFlow({ id: uniqueId('reset'), settings: { noInputTimeoutSeconds: 30 } }),
      );
      const { conversationId } = await service.start(admin, startIn(flowId));
      const { db, tables } = database;
      const jobs = () => db.select().from(tables.jobs).where(eq(tables.jobs.conversationId, conversationId));
      expect((await jobs()).map((job) => job.kind).sort()).toEqual(['expire', 'no-input']);

      expect(await service.reset(admin, { conversationId })).toEqual({
        conversationId,
        status: 'ended',
        resolution: 'reset',
      });
      expect(await service.get(admin, { conversationId })).toMatchObject({
        status: 'ended',
        resolution: 'reset',
      });
      expect(await jobs()).toEqual([]);
      expect(await eventsOf(conversationId)).toContainEqual({
        type: 'conversation.ended',
        nodeId: 'listen',
        data: { resolution: 'reset', actor: { type: 'user', id: admin.id } },
      });
      const audit = await db
        .select()
        .from(tables.auditLog)
        .where(
          and(eq(tables.auditLog.targetId, conversationId), eq(tables.auditLog.action, 'conversation.reset')),
        );
      expect(audit).toHaveLength(1);

      await expect(
        service.send(admin, { conversationId, event: say('hi'), messageId: '1' }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'the conversation has ended (reset); start a new one',
      });
      await expect(service.reset(admin, { conversationId })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
    });
  });

  describe('API key scopes', () => {
    it('lets a key use only its flows and environments, and refused calls write nothing', async () => {
      const { flowId, versionId } = await live();
      await deploy(database, flowId, 'staging', versionId);
      const other = await live();
      const key: Principal = {
        type: 'api-key',
        id: 'key_1',
        scopes: { flowIds: [flowId], environments: ['staging'] },
      };
      const counts = await rowCounts(database);

      await expect(service.start(key, startIn(flowId))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(service.start(key, startIn(other.flowId, 'staging'))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        service.send(key, { ...startIn(flowId), event: say('hi'), messageId: '1' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await rowCounts(database)).toEqual(counts);

      const mine = await service.start(key, startIn(flowId, 'staging'));
      await service.send(key, { conversationId: mine.conversationId, event: say('hi'), messageId: '1' });
      const theirs = await service.start(admin, startIn(flowId));
      const target = { conversationId: theirs.conversationId };
      await expect(service.send(key, { ...target, event: say('hi'), messageId: '1' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('production'),
      });
      await expect(service.get(key, target)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(service.transcript(key, target)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(service.reset(key, target)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await service.get(admin, target)).status).toBe('active');

      expect((await service.list(key)).map((view) => view.id)).toEqual([mine.conversationId]);
      await expect(service.list(key, { environment: 'production' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(service.list(key, { flowId: other.flowId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('reads', () => {
    it('lists conversations newest activity first, filtered by flow and status', async () => {
      const { flowId } = await live();
      const a = await service.start(admin, startIn(flowId));
      clock.advance(1000);
      const b = await service.start(admin, startIn(flowId));
      clock.advance(1000);
      await service.send(admin, { conversationId: a.conversationId, event: say('bye'), messageId: '1' });

      const all = await service.list(admin, { flowId });
      expect(all.map((view) => [view.id, view.status, view.version])).toEqual([
        [a.conversationId, 'ended', 1],
        [b.conversationId, 'active', 1],
      ]);
      expect((await service.list(admin, { flowId, status: 'active' })).map((view) => view.id)).toEqual([
        b.conversationId,
      ]);
      expect(await service.list(admin, { flowId, limit: 1 })).toHaveLength(1);
      await expect(service.get(admin, { conversationId: 'conv_nope' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
});
