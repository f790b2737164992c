import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadMessage, LoadResult } from './load-job.ts';

/** The load result and the CPU time the server (this thread) spent per request, in µs, where Linux tells it. */
export type Measurement = LoadResult & {
  requestsPerSecond: number;
  serverCpuUsPerRequest: number | undefined;
};

/**
 * CPU milliseconds this thread has used (utime + stime of /proc/thread-self/stat, in 1/100 s ticks), or
 * undefined off Linux. CPU time rather than event-loop utilisation: on a busy machine a preempted thread
 * still looks busy to the event loop.
 */
function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

// Workers do not inherit tsx's loader on Node 20, so the worker registers it before importing its module.
const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./load-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerModule)}, ${JSON.stringify(workerModule)}))`;

/**
 * Runs `job` from a worker thread, so the client does not compete with the server for this thread's event
 * loop, which serves the requests. `onMeasuring` is called when the warm-up ends.
 */
export function measureLoad(job: LoadJob, onMeasuring?: () => void): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let cpuBefore = threadCpuMs();
    worker.on('message', (message: LoadMessage) => {
      if (message.type === 'measuring') {
        cpuBefore = threadCpuMs();
        onMeasuring?.();
        return;
      }
      const cpuAfter = threadCpuMs();
      const { result } = message;
      const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      resolve({
        ...result,
        requestsPerSecond: (result.requests / result.elapsedMs) * 1000,
        serverCpuUsPerRequest:
          cpuMs === undefined ? undefined : (cpuMs * 1000) / Math.max(1, result.requests),
      });
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator worker exited with code ${code}`));
    });
  });
}
