import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationReply } from '../../services/conversations/conversation-types.ts';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { createParleyServer, type ParleyServer } from '../parley-server.ts';
import { countingEchoReply } from './counting-echo-flow.ts';
import { DURABLE_ENVIRONMENT, seedDurableFixture } from './seed-durable-fixture.ts';
import { callMutation } from './trpc-call.ts';

const SENDS = 20;

/** A promise with its resolve function, for signals between the test and the server it watches. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe.each(testDatabases)('sends to one conversation over HTTP ($dialect)', ({ open }) => {
  let handle: TestDatabase | undefined;
  let server: ParleyServer | undefined;

  afterEach(async () => {
    // The server closes the database it was given.
    if (server) await server.close();
    else await handle?.database.close();
    await handle?.drop().catch(() => undefined);
  });

  it(`processes ${SENDS} sends in flight at once one at a time, in the order they arrived`, async () => {
    handle = await open();
    const real = handle.database;
    // The first message's turn is held at its write, as behind a slow disk, until all sends have arrived:
    // so all of them are in flight together. Which message a transaction belongs to is known from the
    // async context the send ran in.
    const turnOf = new AsyncLocalStorage<string>();
    const held = signal();
    const release = signal();
    const database: Database = {
      ...real,
      transaction: (fn) => {
        if (turnOf.getStore() !== 'm1') return real.transaction(fn);
        held.resolve();
        return release.promise.then(() => real.transaction(fn));
      },
    };
    server = createParleyServer({ database, logger: pino({ level: 'silent' }) });
    const { flowId, apiKey } = await seedDurableFixture(server.services);
    if (!apiKey) throw new Error('the fixture was seeded before');
    const url = await server.listen(0);

    // The order sends reach the conversation service, where each joins its conversation's queue at once.
    const arrived: string[] = [];
    const arrivals = new Map<string, () => void>();
    const { conversations } = server.services;
    // The tRPC layer has parsed the input already and calls `sendParsed`.
    const send = conversations.sendParsed;
    conversations.sendParsed = (actor, input) => {
      arrived.push(input.messageId);
      arrivals.get(input.messageId)?.();
      return turnOf.run(input.messageId, () => send(actor, input));
    };

    const call = (input: Record<string, unknown>) =>
      // agent false: every send has a connection of its own.
      callMutation<ConversationReply>(url, 'conversations.send', input, { apiKey, agent: false });
    const opening = await call({
      channel: 'web',
      address: 'visitor-1',
      flowId,
      environment: DURABLE_ENVIRONMENT,
      messageId: 'hello',
      event: { type: 'user.message', text: 'hello' },
    });

    const answers: Promise<ConversationReply>[] = [];
    let answered = 0;
    for (let i = 1; i <= SENDS; i++) {
      const arrival = signal();
      arrivals.set(`m${i}`, arrival.resolve);
      const answer = call({
        conversationId: opening.conversationId,
        messageId: `m${i}`,
        event: { type: 'user.message', text: `message ${i}` },
      });
      answer.then(
        () => answered++,
        () => answered++,
      );
      answers.push(answer);
      // The next send starts once this one has arrived, so the order they were sent in is well defined.
      await arrival.promise;
    }
    await held.promise;
    expect(answered).toBe(0);
    release.resolve();

    const replies = await Promise.all(answers);
    const texts = replies.map((reply) => reply.messages[0]);
    const expected = Array.from({ length: SENDS }, (_, i) => ({
      type: 'text',
      text: countingEchoReply(i + 1, `message ${i + 1}`),
    }));
    expect(arrived).toEqual(['hello', ...expected.map((_, i) => `m${i + 1}`)]);
    expect(texts).toEqual(expected);

    // The store took the turns in the same order, each once.
    const { db, tables } = real;
    const turns = await db
      .select({ messageId: tables.turns.messageId, turn: tables.turns.turn })
      .from(tables.turns)
      .orderBy(tables.turns.turn);
    expect(turns.map((t) => t.messageId)).toEqual(arrived);
    expect(turns.map((t) => t.turn)).toEqual(arrived.map((_, i) => i));
  });
});
