import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadJob, LoadMessage, LoadResult } from './load-job.ts';

const job = workerData as LoadJob;
const target = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const SEQ = /\{seq\}/g;

let latencies: number[] = [];
/** The next `{seq}` of each connection; it runs on from warm-up into the measured window. */
const sequence = Array.from({ length: job.connections }, () => 0);
let failures = 0;

/** Sends `body`; its latency counts from `due` (performance.now() time), by default from now. */
function send(body: string, due = performance.now()): Promise<void> {
  const headers = {
    ...job.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) latencies.push(performance.now() - due);
          else failures++;
          resolve();
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runFor(ms: number): Promise<void> {
  const begin = performance.now();
  const end = begin + ms;
  const interval = job.perConnectionPerSecond ? 1000 / job.perConnectionPerSecond : 0;
  const connection = async (index: number) => {
    const template = job.bodies?.[index];
    let due = begin + (interval * index) / job.connections;
    while (due < end) {
      // Timers round their delay down to whole milliseconds: wait until the message is due, never before.
      while (interval > 0 && due > performance.now()) await sleep(Math.ceil(due - performance.now()));
      const sent = interval > 0 ? due : performance.now();
      if (template === undefined) await send(job.body, sent);
      else {
        const seq = sequence[index] ?? 0;
        sequence[index] = seq + 1;
        await send(template.replace(SEQ, String(seq)), sent);
      }
      due = interval > 0 ? due + interval : performance.now();
    }
  };
  await Promise.all(Array.from({ length: job.connections }, (_, index) => connection(index)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function post(message: LoadMessage): void {
  parentPort?.postMessage(message);
}

await runFor(job.warmupMs);
latencies = [];
failures = 0;
post({ type: 'measuring' });
const start = performance.now();
await runFor(job.durationMs);
const elapsedMs = performance.now() - start;
agent.destroy();
latencies.sort((a, b) => a - b);
const result: LoadResult = {
  requests: latencies.length,
  failures,
  elapsedMs,
  p50Ms: percentile(latencies, 0.5),
  p99Ms: percentile(latencies, 0.99),
};
post({ type: 'done', result });
