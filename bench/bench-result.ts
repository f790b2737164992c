/** One figure a bench prints; `baseline` and `ratio` compare it with a bare run of the same work. */
export type BenchResult = {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
};

export type Bench = {
  name: string;
  description: string;
  run: () => Promise<BenchResult[]>;
};

/** Median of `samples` timings of `fn`, in milliseconds, after one warm-up call. */
export async function medianMs(samples: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Operations per second of `step`, run for at least `minMs` after a warm-up. */
export async function throughput(minMs: number, step: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 50; i++) await step();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 50; i++) await step();
    count += 50;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

export function withBaseline(result: Omit<BenchResult, 'ratio'> & { baseline: number }): BenchResult {
  return { ...result, ratio: Number((result.value / result.baseline).toFixed(3)) };
}
