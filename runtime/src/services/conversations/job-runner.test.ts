import type { BotMessage } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { type ConversationService, createConversationService } from './conversation-service.ts';
import type { ConversationAddress } from './conversation-types.ts';
import { JobRunner, type JobRunnerOptions } from './job-runner.ts';
import {
  admin,
  deploy,
  echoFlow,
  type FakeClock,
  fakeClock,
  publish,
} from './testing/conversation-fixtures.ts';

const text = (value: string) => ({ type: 'text', text: value });
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let flowCount = 0;

describe.each(testDatabases)('durable timers on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let clock: FakeClock;
  let service: ConversationService;
  let pushed: { conversation: ConversationAddress; messages: BotMessage[] }[];
  let flowId: string;

  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.drop());
  beforeEach(async () => {
    // Every test starts at the same time: earlier tests' timers would be due in it.
    await handle.database.transaction((tx) => tx.delete(handle.database.tables.jobs));
    clock = fakeClock();
    pushed = [];
    service = createConversationService({ database: handle.database, clock });
    flowId = `timers-${++flowCount}`;
    const flow = echoFlow({ id: flowId, settings: { noInputTimeoutSeconds: 60, idleTimeoutMinutes: 10 } });
    await deploy(handle.database, flowId, 'production', await publish(handle.database, flow, 1));
  });

  const runner = (options: Partial<JobRunnerOptions> = {}) =>
    new JobRunner({
      database: handle.database,
      conversations: service,
      clock,
      onBotMessages: (conversation, messages) => {
        pushed.push({ conversation, messages });
      },
      ...options,
    });

  const start = () =>
    service.start(admin, { flowId, environment: 'production', channel: 'web', address: 'browser-1' });

  async function jobsOf(conversationId: string) {
    const { db, tables } = handle.database;
    const rows = await db.select().from(tables.jobs).where(eq(tables.jobs.conversationId, conversationId));
    return Object.fromEntries(rows.map((job) => [job.kind, job]));
  }

  async function botLines(conversationId: string) {
    const transcript = await service.transcript(admin, { conversationId });
    return transcript.filter((m) => m.direction === 'bot').map((m) => m.body.text ?? `(${m.body.type})`);
  }

  it('schedules a reminder while the flow waits, moves it with every turn, and fires it when due', async () => {
    const { conversationId } = await start();
    const started = clock.time;
    expect(await jobsOf(conversationId)).toMatchObject({
      'no-input': { runAt: started + 60 * SECOND },
      expire: { runAt: started + 10 * MINUTE },
    });

    clock.advance(30 * SECOND);
    const { 'no-input': firstReminder, expire: firstExpiry } = await jobsOf(conversationId);
    await service.send(admin, {
      conversationId,
      event: { type: 'user.message', text: 'hi' },
      messageId: '1',
    });
    const moved = await jobsOf(conversationId);
    expect(moved['no-input']?.runAt).toBe(clock.time + 60 * SECOND);
    expect(moved['no-input']?.id).not.toBe(firstReminder?.id);
    // The idle deadline moves with the turn; the expire job stays put and re-arms itself when it fires.
    expect(moved.expire).toEqual(firstExpiry);
    expect(await service.get(admin, { conversationId })).toMatchObject({
      expiresAt: clock.time + 10 * MINUTE,
    });

    // The first reminder would have been due now; it was replaced by the turn.
    clock.advance(30 * SECOND);
    expect(await runner().runDue()).toBe(0);

    clock.advance(30 * SECOND);
    expect(await runner().runDue()).toBe(1);
    expect(pushed).toEqual([
      {
        conversation: {
          conversationId,
          flowId,
          environment: 'production',
          channel: 'web',
          address: 'browser-1',
        },
        messages: [text('Still there?')],
      },
    ]);
    expect((await botLines(conversationId)).at(-1)).toBe('Still there?');
    // Another reminder follows, but only the end user keeps the conversation alive.
    const after = await jobsOf(conversationId);
    expect(after['no-input']?.runAt).toBe(clock.time + 60 * SECOND);
    expect(after.expire?.runAt).toBe(moved.expire?.runAt);
  });

  it('ends an idle conversation as expired when its deadline passes, and tells the channel', async () => {
    const { conversationId } = await start();
    clock.advance(10 * MINUTE);
    // The reminder and the expiry are both due: the reminder yields, the expiry ends the conversation.
    expect(await runner().runDue()).toBe(2);
    expect(await service.get(admin, { conversationId })).toMatchObject({
      status: 'ended',
      resolution: 'expired',
    });
    expect(pushed.map((push) => push.messages)).toEqual([[{ type: 'end', status: 'expired' }]]);
    expect(await jobsOf(conversationId)).toEqual({});
    expect(await botLines(conversationId)).not.toContain('Still there?');
  });

  it('expires a conversation at the deadline its last message set, also across a restart', async () => {
    const { conversationId } = await start();
    const started = clock.time;
    clock.advance(5 * MINUTE);
    await service.send(admin, {
      conversationId,
      event: { type: 'user.message', text: 'hi' },
      messageId: '1',
    });

    // The first deadline passes: the job finds the later one and moves to it instead of expiring.
    clock.advance(5 * MINUTE);
    await runner().runDue();
    expect(await service.get(admin, { conversationId })).toMatchObject({ status: 'active' });
    expect((await jobsOf(conversationId)).expire).toMatchObject({
      runAt: started + 15 * MINUTE,
      lockedUntil: null,
      attempts: 0,
    });
    expect(pushed.map((push) => push.messages)).not.toContainEqual([{ type: 'end', status: 'expired' }]);

    const reopened = await handle.reopen();
    service = createConversationService({ database: reopened, clock });
    clock.advance(5 * MINUTE - 1);
    await runner({ database: reopened }).runDue();
    expect(await service.get(admin, { conversationId })).toMatchObject({ status: 'active' });
    clock.advance(1);
    await runner({ database: reopened }).runDue();
    expect(await service.get(admin, { conversationId })).toMatchObject({
      status: 'ended',
      resolution: 'expired',
    });
    expect(pushed.at(-1)?.messages).toEqual([{ type: 'end', status: 'expired' }]);
    expect(await jobsOf(conversationId)).toEqual({});
  });

  it('fires timers scheduled before a restart', async () => {
    const { conversationId } = await start();
    const reopened = await handle.reopen();
    service = createConversationService({ database: reopened, clock });
    clock.advance(61 * SECOND);
    expect(await runner({ database: reopened }).runDue()).toBe(1);
    expect((await botLines(conversationId)).at(-1)).toBe('Still there?');
  });

  it('runs each job once when two runtime instances poll at the same time', async () => {
    const conversations = await Promise.all(Array.from({ length: 10 }, () => start()));
    clock.advance(61 * SECOND);
    const other = createConversationService({ database: handle.database, clock });
    const ran = await Promise.all([runner().runDue(), runner({ conversations: other }).runDue()]);
    expect(ran[0] + ran[1]).toBe(10);
    for (const { conversationId } of conversations) {
      expect((await botLines(conversationId)).filter((line) => line === 'Still there?')).toHaveLength(1);
    }
    expect(pushed).toHaveLength(10);
  });

  it('takes up a job again once the claim of a crashed instance lapses', async () => {
    const { conversationId } = await start();
    clock.advance(61 * SECOND);
    const { transaction, tables } = handle.database;
    await transaction((tx) =>
      tx
        .update(tables.jobs)
        .set({ lockedUntil: clock.time + 30 * SECOND, attempts: 1 })
        .where(eq(tables.jobs.conversationId, conversationId)),
    );
    expect(await runner({ leaseMs: 30 * SECOND }).runDue()).toBe(0);
    clock.advance(30 * SECOND);
    expect(await runner({ leaseMs: 30 * SECOND }).runDue()).toBe(1);
    expect((await botLines(conversationId)).at(-1)).toBe('Still there?');
  });

  it('skips a reminder that a newer turn replaced', async () => {
    const { conversationId } = await start();
    const replaced = { id: 'job_replaced', kind: 'no-input' as const, conversationId };
    expect(await service.runJob(replaced)).toBeNull();
    expect(await botLines(conversationId)).toEqual(['Hello', 'Say something']);
  });

  it('keeps running when a push fails, and does not send the reminder twice', async () => {
    const { conversationId } = await start();
    const errors: unknown[] = [];
    const failing = runner({
      onBotMessages: () => {
        throw new Error('channel offline');
      },
      onError: (error) => errors.push(error),
    });
    clock.advance(61 * SECOND);
    expect(await failing.runDue()).toBe(1);
    expect(errors).toEqual([new Error('channel offline')]);
    expect(await failing.runDue()).toBe(0);
    expect((await botLines(conversationId)).filter((line) => line === 'Still there?')).toHaveLength(1);
  });

  it('retries a failing expiry until it succeeds, and drops a reminder that keeps failing', async () => {
    const { conversationId } = await start();
    // Reminders always fail; the expiry fails eight times, more than a reminder is allowed to.
    let expiryFailuresLeft = 8;
    const errors: string[] = [];
    const flaky = runner({
      conversations: {
        ...service,
        runJob: (job) => {
          if (job.kind === 'expire' && expiryFailuresLeft-- <= 0) return service.runJob(job);
          return Promise.reject(new Error(`${job.kind} failed`));
        },
      },
      onError: (error) => errors.push(String(error)),
    });
    clock.advance(10 * MINUTE);
    for (let poll = 0; poll < 8; poll++) {
      await flaky.runDue();
      clock.advance(5 * MINUTE);
    }
    expect(errors.filter((e) => e.includes('no-input'))).toHaveLength(5);
    expect(errors.filter((e) => e.includes('expire'))).toHaveLength(8);
    expect(await service.get(admin, { conversationId })).toMatchObject({ status: 'active' });
    expect(Object.keys(await jobsOf(conversationId))).toEqual(['expire']);

    await flaky.runDue();
    expect(await service.get(admin, { conversationId })).toMatchObject({
      status: 'ended',
      resolution: 'expired',
    });
    expect(await jobsOf(conversationId)).toEqual({});
  });

  it('polls on its own between start() and stop()', async () => {
    const { conversationId } = await start();
    const polling = runner({ pollMs: 5 });
    polling.start();
    try {
      clock.advance(61 * SECOND);
      await vi.waitFor(() => expect(pushed).toHaveLength(1));
    } finally {
      await polling.stop();
    }
    expect(pushed[0]?.conversation.conversationId).toBe(conversationId);
  });
});
