import { startEchoApp } from '@parley/runtime/server/testing';
import { type Bench, type BenchResult, withBaseline } from '../bench-result.ts';
import { type Measurement, measureLoad } from './load-generator.ts';

const CONNECTIONS = [1, 10, 100];
const WARMUP_MS = 500;
const DURATION_MS = 2_000;
const BODY = JSON.stringify({ text: 'where is my order?' });
const TARGETS = { bare: 'bare fastify', official: 'official adapter', lean: 'mountTrpc' } as const;
type Target = keyof typeof TARGETS;
const ORDER: readonly Target[] = ['bare', 'official', 'lean'];

/** Fails the bench when a target does not echo: a bench of error answers measures nothing. */
async function checkEcho(url: string, unwrap: (body: unknown) => unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
  const echoed = unwrap(await response.json());
  if (response.status !== 200 || JSON.stringify(echoed) !== BODY) {
    throw new Error(
      `${url} answered ${response.status} ${JSON.stringify(echoed)} instead of echoing ${BODY}`,
    );
  }
}

const trpcData = (body: unknown): unknown =>
  typeof body === 'object' && body !== null
    ? Reflect.get(Reflect.get(body, 'result') ?? {}, 'data')
    : undefined;

async function measure(url: string, connections: number): Promise<Measurement> {
  const m = await measureLoad({ url, body: BODY, connections, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
  if (m.failures > 0) throw new Error(`${url}: ${m.failures} of ${m.requests + m.failures} requests failed`);
  return m;
}

/** A figure of `target`, compared with bare fastify's unless it is bare fastify's. */
function figure(target: Target, metric: string, unit: string, value: number, bare: number): BenchResult {
  const result = { bench: 'server', metric: `${TARGETS[target]}, ${metric}`, value, unit };
  return target === 'bare' ? result : withBaseline({ ...result, baseline: bare });
}

export const serverBench: Bench = {
  name: 'server',
  description: `POST echo over HTTP/1.1 keep-alive: bare fastify, tRPC's fastify adapter and mountTrpc at ${CONNECTIONS.join(', ')} connections`,
  async run() {
    const app = await startEchoApp();
    try {
      await checkEcho(app.urls.bare, (body) => body);
      await checkEcho(app.urls.official, trpcData);
      await checkEcho(app.urls.lean, trpcData);

      const results: BenchResult[] = [];
      const cpu: BenchResult[] = [];
      for (const connections of CONNECTIONS) {
        const measured: Record<Target, Measurement> = {
          bare: await measure(app.urls.bare, connections),
          official: await measure(app.urls.official, connections),
          lean: await measure(app.urls.lean, connections),
        };
        const { bare } = measured;
        for (const target of ORDER) {
          const m = measured[target];
          const at = `${connections} conn`;
          results.push(
            figure(target, at, 'req/s', m.requestsPerSecond, bare.requestsPerSecond),
            figure(target, `${at} p50`, 'ms', m.p50Ms, bare.p50Ms),
            figure(target, `${at} p99`, 'ms', m.p99Ms, bare.p99Ms),
          );
          // What a request costs the server whatever the client's speed; the busiest run counts the most requests.
          if (connections === CONNECTIONS.at(-1) && m.serverCpuUsPerRequest !== undefined) {
            cpu.push(
              figure(
                target,
                `server CPU per request, ${at}`,
                'µs',
                m.serverCpuUsPerRequest,
                bare.serverCpuUsPerRequest ?? Number.NaN,
              ),
            );
          }
        }
      }
      return [...results, ...cpu];
    } finally {
      await app.close();
    }
  },
};
