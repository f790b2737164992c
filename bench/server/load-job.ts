/** One load run: `connections` keep-alive connections each POSTing `body` to `url` back to back. */
export type LoadJob = {
  url: string;
  body: string;
  /**
   * One body per connection instead of `body`, for work that is not idempotent: each `{seq}` in it becomes
   * the request's number on its connection, so every request can carry an id of its own.
   */
  bodies?: string[];
  /** Extra request headers, e.g. `authorization`. */
  headers?: Record<string, string>;
  connections: number;
  /**
   * Open loop: each connection sends this many requests per second on a fixed schedule (connections
   * staggered) instead of back to back, and latency counts from when a request was due, so a slow answer
   * also charges the requests queued behind it. Without it the loop is closed.
   */
  perConnectionPerSecond?: number;
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
