import { CRASH_AFTER_COMMIT } from './crash-after-commit.ts';
import type { DurableFixture } from './seed-durable-fixture.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

export type Up = { url: string; generation: number };

/** `kill`: SIGKILL now, wherever the server is. `after-commit`: the server kills itself after its next turn commits. */
export type CrashKind = 'kill' | 'after-commit';

/** How long an `after-commit` crash may wait for a commit before the server is killed anyway. */
const AFTER_COMMIT_TIMEOUT_MS = 5_000;

/**
 * The child server behind a crash test: it can be crashed and restarted on the same database, and tells
 * clients where it runs now. Each start is a generation; a client that lost a call checks that its
 * generation was crashed, so an unexplained failure is never retried away.
 */
export class CrashingServer {
  private process: ServerProcess | null = null;
  private restarting: Promise<void> | null = null;
  private generation = 0;
  private crashedUpTo = 0;
  /** When each generation's process was spawned (epoch ms): everything it wrote is older than the next's. */
  private readonly spawnedAt: number[] = [];
  /** The fixture the first start seeded; later starts find it in place. */
  fixture: DurableFixture | null = null;
  readonly crashes: { generation: number; kind: CrashKind; forced: boolean }[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    const spawnedAt = Date.now();
    const started = await startServerProcess(this.target);
    this.generation += 1;
    this.spawnedAt[this.generation] = spawnedAt;
    this.process = started;
    this.fixture ??= { flowId: started.flowId, apiKey: started.apiKey };
  }

  /** The running server; while it restarts, waits for the next one. */
  async up(): Promise<Up> {
    while (!this.process) {
      if (!this.restarting) throw new Error('the server is down and not being restarted');
      await this.restarting;
    }
    return { url: this.process.url, generation: this.generation };
  }

  /** True once generation `generation` was told to crash: a call to it may have been lost. */
  wasCrashed(generation: number): boolean {
    return generation <= this.crashedUpTo;
  }

  /** True when `createdAt` (epoch ms) is older than every row the generation after `generation` wrote. */
  before(generation: number, createdAt: number): boolean {
    const next = this.spawnedAt[generation + 1];
    return next !== undefined && createdAt < next;
  }

  /** Crashes the running server, waits until it is gone, and starts it again on the same database. */
  async crashAndRestart(kind: CrashKind): Promise<void> {
    const victim = this.process;
    if (!victim) throw new Error('no server is running to crash');
    // Marked down first, so every failure the crash causes is explained.
    this.process = null;
    this.crashedUpTo = this.generation;
    const crash = { generation: this.generation, kind, forced: false };
    this.crashes.push(crash);
    this.restarting = (async () => {
      if (kind === 'kill') victim.kill('SIGKILL');
      else {
        victim.tell(CRASH_AFTER_COMMIT);
        const timer = setTimeout(() => {
          crash.forced = true;
          victim.kill('SIGKILL');
        }, AFTER_COMMIT_TIMEOUT_MS);
        victim.exited.finally(() => clearTimeout(timer));
      }
      await victim.exited;
      await this.start();
    })();
    try {
      await this.restarting;
    } finally {
      this.restarting = null;
    }
  }

  /** Lets the server finish in-flight work and exit (SIGTERM). */
  async stop(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running) return;
    running.kill('SIGTERM');
    const code = await running.exited;
    if (code !== 0) throw new Error(`the server exited with ${code} on SIGTERM:\n${running.output()}`);
  }

  /** Kills whatever is left, for cleanup after a failed test. */
  async kill(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running) return;
    running.kill('SIGKILL');
    await running.exited;
  }
}
