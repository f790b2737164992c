import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.ts';
import { type ConversationLog, checkDurableStore } from './check-durable-store.ts';
import { type Exchange, type SendContext, sendUntilAnswered } from './conversation-driver.ts';
import { COUNTING_ECHO_GREETING, countingEchoReply } from './counting-echo-flow.ts';
import { type CrashTarget, crashTargets } from './crash-targets.ts';
import { CrashingServer, type CrashKind } from './crashing-server.ts';
import { DURABLE_ENVIRONMENT } from './seed-durable-fixture.ts';
import { seededRandom } from './seeded-random.ts';

const CONVERSATIONS = 50;
/** Messages each conversation sends after the one that starts it. */
const MESSAGES = 20;
const KILLS = 5;
/** Every other crash is a SIGKILL from outside at a random moment; the rest land between a commit and its answer. */
const kindOf = (crash: number): CrashKind => (crash % 2 === 0 ? 'kill' : 'after-commit');
const SEED = 20_250_601;

const firstText = (reply: Exchange['reply']) => {
  const [first] = reply.messages;
  return first?.type === 'text' ? first.text : undefined;
};

describe.each(crashTargets)('a server killed with SIGKILL under load ($dialect)', ({ dialect, create }) => {
  let target: CrashTarget | undefined;
  let server: CrashingServer | undefined;

  afterEach(async () => {
    await server?.kill();
    await target?.remove();
  });

  it(`loses and repeats nothing across ${KILLS} crashes of ${CONVERSATIONS} busy conversations`, async () => {
    target = await create();
    const crashing = new CrashingServer(target.location);
    server = crashing;
    await crashing.start();
    const { flowId, apiKey } = crashing.fixture ?? {};
    if (!flowId || !apiKey) throw new Error('the first start did not seed the fixture');

    // Crash points: after a seeded number of answers; a SIGKILL then waits a seeded delay under 20 ms, so it
    // lands anywhere in the turns in flight (engine, transaction, commit, answer), not just after an answer.
    const random = seededRandom(SEED);
    const totalAnswers = CONVERSATIONS * (MESSAGES + 1);
    const crashAt = Array.from({ length: KILLS }, () => Math.floor(totalAnswers * (0.05 + 0.85 * random())));
    crashAt.sort((a, b) => a - b);
    const delays = crashAt.map(() => Math.floor(random() * 20));
    let answered = 0;
    let crash: Promise<void> | null = null;
    const crashes: Promise<void>[] = [];
    const onAnswered = () => {
      answered += 1;
      const next = crashes.length;
      if (crash || next >= KILLS || answered < (crashAt[next] ?? Number.POSITIVE_INFINITY)) return;
      const kind = kindOf(next);
      const delay = kind === 'kill' ? (delays[next] ?? 0) : 0;
      crash = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() =>
        crashing.crashAndRestart(kind).finally(() => {
          crash = null;
        }),
      );
      crashes.push(crash);
    };

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONVERSATIONS });
    const context: SendContext = { server: crashing, apiKey, agent, onAnswered };
    const where = { channel: 'web', flowId, environment: DURABLE_ENVIRONMENT };

    const converse = async (c: number): Promise<ConversationLog> => {
      const opening = await sendUntilAnswered(context, {
        ...where,
        address: `visitor-${c}`,
        messageId: `c${c}-hello`,
        event: { type: 'user.message', text: `c${c} hello` },
      });
      const { conversationId } = opening.reply;
      const exchanges = [opening];
      for (let k = 1; k <= MESSAGES; k++) {
        exchanges.push(
          await sendUntilAnswered(context, {
            conversationId,
            messageId: `c${c}-m${k}`,
            event: { type: 'user.message', text: `c${c} m${k}` },
          }),
        );
      }
      return { conversationId, exchanges };
    };

    const logs = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => converse(c)));
    await Promise.all(crashes);
    expect(crashing.crashes.map((c) => [c.kind, c.forced])).toEqual(
      Array.from({ length: KILLS }, (_, i) => [kindOf(i), false]),
    );
    // Every crash cut sends short; they were all answered on a later try with the same message id.
    const lost = logs.flatMap((log) => log.exchanges).filter((e) => e.lostSends > 0);
    expect(lost.length).toBeGreaterThan(0);

    // Each answer is the one its message earns, counted from the conversation's own history.
    const wrong = logs.flatMap(({ exchanges }) =>
      exchanges.flatMap((exchange, k) => {
        const expected = k === 0 ? COUNTING_ECHO_GREETING : countingEchoReply(k, exchange.text);
        const got = firstText(exchange.reply);
        return got === expected ? [] : [`${exchange.messageId}: "${got}" instead of "${expected}"`];
      }),
    );
    expect(wrong).toEqual([]);

    // After the last restart every conversation goes on where it was.
    await Promise.all(
      logs.map(async (log, c) => {
        const text = `c${c} after the crashes`;
        const last = await sendUntilAnswered(context, {
          conversationId: log.conversationId,
          messageId: `c${c}-last`,
          event: { type: 'user.message', text },
        });
        expect(firstText(last.reply)).toBe(countingEchoReply(MESSAGES + 1, text));
        expect(last.reply.status).toBe('active');
        log.exchanges.push(last);
      }),
    );
    agent.destroy();
    await crashing.stop();

    const database = await openDatabase(
      dialect === 'pg' ? { url: target.location } : { file: target.location },
    );
    try {
      expect(await checkDurableStore(database, logs)).toEqual([]);
      // Sends lost after their turn committed (at least one per after-commit crash) were answered on retry
      // from the stored reply, not by a second turn.
      const turns = await database.db.select().from(database.tables.turns);
      const committedUnanswered = lost.filter((exchange) => {
        const row = turns.find((turn) => turn.messageId === exchange.messageId);
        const generation = exchange.lastLostGeneration;
        return row !== undefined && generation !== undefined && crashing.before(generation, row.createdAt);
      });
      const afterCommit = crashing.crashes.filter((c) => c.kind === 'after-commit').length;
      expect(committedUnanswered.length).toBeGreaterThanOrEqual(afterCommit);
    } finally {
      await database.close();
    }
  }, 120_000);
});
