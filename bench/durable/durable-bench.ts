import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bareSqliteCommitsPerSecond,
  discardingLogger,
  requestTimingLogger,
  startDurableServer,
} from '@parley/runtime/server/durability';
import { startEchoApp } from '@parley/runtime/server/testing';
import { type Bench, type BenchResult, withBaseline } from '../bench-result.ts';
import { type Measurement, measureLoad } from '../server/load-generator.ts';
import { sendBodies, startConversations } from './durable-load.ts';

const CONVERSATIONS = [1, 10, 100];
/** The open-loop run: this many conversations, each sending this many messages a second. */
const PACED = { conversations: 100, perSecond: 10 };
const WARMUP_MS = 500;
const DURATION_MS = 2_000;
/**
 * Bare and durable runs alternate this many times and each figure is the median of its runs: this
 * machine's speed drifts by up to 2x within minutes, and alternating keeps each ratio to runs made
 * side by side.
 */
const ROUNDS = 3;
const SQLITE_MS = 2_000;
const ECHO_BODY = JSON.stringify({ text: 'where is my order?' });

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Each field the median of its runs. */
function medianOf(runs: Measurement[]): Measurement {
  const of = (pick: (m: Measurement) => number | undefined) => median(runs.map((m) => pick(m) ?? Number.NaN));
  const cpu = of((m) => m.serverCpuUsPerRequest);
  return {
    requests: of((m) => m.requests),
    failures: of((m) => m.failures),
    elapsedMs: of((m) => m.elapsedMs),
    p50Ms: of((m) => m.p50Ms),
    p99Ms: of((m) => m.p99Ms),
    requestsPerSecond: of((m) => m.requestsPerSecond),
    serverCpuUsPerRequest: Number.isNaN(cpu) ? undefined : cpu,
  };
}

/**
 * `ROUNDS` runs of bare fastify and of durable turns, alternating; each durable run gets conversations of
 * its own (message ids restart with every run, and a repeated one would only replay its stored answer).
 */
async function sideBySide(
  bare: () => Promise<Measurement>,
  turns: (round: number) => Promise<Measurement>,
): Promise<{ bare: Measurement; turns: Measurement }> {
  const bares: Measurement[] = [];
  const durables: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bares.push(await bare());
    durables.push(await turns(round));
  }
  return { bare: medianOf(bares), turns: medianOf(durables) };
}

async function measure(
  url: string,
  job: { body: string; bodies?: string[]; headers?: Record<string, string>; perConnectionPerSecond?: number },
  connections: number,
  onMeasuring?: () => void,
): Promise<Measurement> {
  const load = { url, connections, warmupMs: WARMUP_MS, durationMs: DURATION_MS, ...job };
  const m = await measureLoad(load, onMeasuring);
  if (m.failures > 0) throw new Error(`${url}: ${m.failures} of ${m.requests + m.failures} requests failed`);
  return m;
}

/** Turns per second and latency of a run, each next to bare fastify's under the same load. */
function nextToBare(at: string, turns: Measurement, bare: Measurement): BenchResult[] {
  const figure = (metric: string, value: number, unit: string, baseline: number) =>
    withBaseline({ bench: 'durable', metric: `${metric}, ${at}`, value, unit, baseline });
  return [
    figure('turns/s vs bare fastify POST', turns.requestsPerSecond, 'turns/s', bare.requestsPerSecond),
    figure('p50', turns.p50Ms, 'ms', bare.p50Ms),
    figure('p99', turns.p99Ms, 'ms', bare.p99Ms),
  ];
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

/**
 * The open-loop run, on a server of its own whose logger keeps each request's duration: next to what the
 * load generator saw (which includes its own waits for a core on a shared machine), how long the server
 * took from receiving a message to answering it.
 */
async function pacedRun(target: string, bareUrl: string): Promise<BenchResult[]> {
  const timing = requestTimingLogger();
  const durable = await startDurableServer({ target, logger: timing.logger });
  try {
    const { apiKey } = durable;
    if (!apiKey) throw new Error('the bench database was seeded before');
    const sendUrl = `${durable.url}/trpc/conversations.send`;
    const headers = { authorization: `Bearer ${apiKey}` };
    const paced = { perConnectionPerSecond: PACED.perSecond };
    const serverSide: { p50: number; p99: number }[] = [];
    const { bare, turns } = await sideBySide(
      () => measure(bareUrl, { body: ECHO_BODY, ...paced }, PACED.conversations),
      async (round) => {
        const ids = await startConversations(durable, apiKey, PACED.conversations, `paced-${round}`);
        const job = { body: '', bodies: sendBodies(ids), headers, ...paced };
        const m = await measure(sendUrl, job, PACED.conversations, timing.record);
        const durations = timing.recorded();
        serverSide.push({ p50: percentile(durations, 0.5), p99: percentile(durations, 0.99) });
        return m;
      },
    );
    const at = `${PACED.conversations} conv at ${PACED.conversations * PACED.perSecond} turns/s offered`;
    const inServer = (metric: 'p50' | 'p99') => ({
      bench: 'durable',
      metric: `${metric} inside the server, ${at}`,
      value: median(serverSide.map((s) => s[metric])),
      unit: 'ms',
    });
    return [...nextToBare(at, turns, bare), inServer('p50'), inServer('p99')];
  } finally {
    await durable.server.close();
  }
}

export const durableBench: Bench = {
  name: 'durable',
  description:
    `durable turns over HTTP (conversations.send, API key, SQLite file) at ${CONVERSATIONS.join(', ')} conversations sending back to back, ` +
    `and latency at ${PACED.conversations} conversations each sending ${PACED.perSecond} messages a second; next to bare fastify POST and bare SQLite commits ` +
    `(medians of ${ROUNDS} alternating runs)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-durable-'));
    const sqliteCommits = bareSqliteCommitsPerSecond(join(dir, 'bare.db'), SQLITE_MS);
    const echo = await startEchoApp();
    const durable = await startDurableServer({ target: join(dir, 'parley.db'), logger: discardingLogger() });
    try {
      const { apiKey } = durable;
      if (!apiKey) throw new Error('the bench database was seeded before');
      const sendUrl = `${durable.url}/trpc/conversations.send`;
      const headers = { authorization: `Bearer ${apiKey}` };
      const results: BenchResult[] = [
        {
          bench: 'durable',
          metric: 'bare SQLite commits (upsert + insert)',
          value: sqliteCommits,
          unit: 'commits/s',
        },
      ];
      for (const n of CONVERSATIONS) {
        const { bare, turns } = await sideBySide(
          () => measure(echo.urls.bare, { body: ECHO_BODY }, n),
          async (round) => {
            const ids = await startConversations(durable, apiKey, n, `c${n}-${round}`);
            return measure(sendUrl, { body: '', bodies: sendBodies(ids), headers }, n);
          },
        );
        const at = `${n} conv`;
        results.push(
          ...nextToBare(at, turns, bare),
          withBaseline({
            bench: 'durable',
            metric: `turns/s vs bare SQLite commits, ${at}`,
            value: turns.requestsPerSecond,
            unit: 'turns/s',
            baseline: sqliteCommits,
          }),
        );
        if (turns.serverCpuUsPerRequest !== undefined) {
          results.push(
            withBaseline({
              bench: 'durable',
              metric: `server CPU per turn, ${at}`,
              value: turns.serverCpuUsPerRequest,
              unit: 'µs',
              baseline: bare.serverCpuUsPerRequest ?? Number.NaN,
            }),
          );
        }
      }
      results.push(...(await pacedRun(join(dir, 'paced.db'), echo.urls.bare)));
      return results;
    } finally {
      await durable.server.close();
      await echo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
