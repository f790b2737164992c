/** One load run: `connections` keep-alive connections each POSTing `body` to `url` back to back. */
export type LoadJob = {
  url: string;
  body: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
};

/** What the load generator saw during the measured window (warm-up excluded). */
export type LoadResult = {
  requests: number;
  failures: number;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
};

export type LoadMessage = { type: 'measuring' } | { type: 'done'; result: LoadResult };
