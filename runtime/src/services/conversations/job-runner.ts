import type { BotMessage } from '@parley/shared';
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { ConversationService } from './conversation-service.ts';
import type { ConversationAddress, JobRow } from './conversation-types.ts';

export type JobRunnerOptions = {
  database: Database;
  conversations: ConversationService;
  clock?: Clock;
  /** How often `start()` looks for due jobs. */
  pollMs?: number;
  /** How long a claim lasts; a job whose runner crashed is taken up again after it. */
  leaseMs?: number;
  /** Jobs claimed per poll. */
  batchSize?: number;
  /** Failed runs before a no-input reminder is dropped (an expiry is retried until it succeeds). */
  maxAttempts?: number;
  /** The bot spoke without being asked (a no-input reminder, an expiry): push channels deliver it. */
  onBotMessages?: (conversation: ConversationAddress, messages: BotMessage[]) => void | Promise<void>;
  /** A poll, a job or a callback failed (`job` says which job); the runner carries on. */
  onError?: (error: unknown, job?: Pick<JobRow, 'id' | 'kind' | 'conversationId'>) => void;
};

/**
 * Fires the durable timers of the `jobs` table: no-input reminders and idle expiry. Jobs live in the
 * database, so they fire after a restart, and any number of runtime instances may poll: a job is
 * claimed by a conditional update of `lockedUntil`, which only one instance can win; a claim whose
 * instance crashed lapses after `leaseMs`.
 */
export class JobRunner {
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<number> | undefined;
  private running = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.clock = options.clock ?? systemClock;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 50;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Polls until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    // A failed poll was already reported through onError.
    await this.polling?.catch(() => undefined);
  }

  /** Claims the jobs due now and runs them; returns how many ran. */
  runDue(): Promise<number> {
    const previous = this.polling ?? Promise.resolve(0);
    // One poll at a time per runner; another instance's runner competes through the claim instead.
    const poll = previous.catch(() => 0).then(() => this.poll());
    this.polling = poll;
    return poll;
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.runDue()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedule(this.pollMs));
    }, delay);
  }

  private async poll(): Promise<number> {
    const jobs = await this.claim();
    // Jobs of different conversations run in parallel; the service queues those of one conversation.
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private async claim(): Promise<JobRow[]> {
    const { database } = this.options;
    const { jobs } = database.tables;
    const now = this.clock.now();
    const free = or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now));
    return database.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(jobs)
        .where(and(lte(jobs.runAt, now), free))
        .orderBy(asc(jobs.runAt))
        .limit(this.batchSize);
      const claimed: JobRow[] = [];
      for (const job of due) {
        // Re-checked under the row lock: of two instances that saw the job free, only one updates it.
        const [won] = await tx
          .update(jobs)
          .set({ lockedUntil: now + this.leaseMs, attempts: job.attempts + 1 })
          .where(and(eq(jobs.id, job.id), free))
          .returning();
        if (won) claimed.push(won);
      }
      return claimed;
    });
  }

  private async run(job: JobRow): Promise<void> {
    const { database, conversations, onBotMessages, onError } = this.options;
    const { jobs } = database.tables;
    let outcome: Awaited<ReturnType<ConversationService['runJob']>>;
    try {
      outcome = await conversations.runJob(job);
    } catch (error) {
      onError?.(error, job);
      await this.retryLater(job);
      return;
    }
    // Done, or replaced by a newer job (with a new id) meanwhile: this one is finished either way.
    await database.transaction((tx) => tx.delete(jobs).where(eq(jobs.id, job.id)));
    if (outcome && outcome.messages.length > 0 && onBotMessages) {
      try {
        await onBotMessages(outcome.conversation, outcome.messages);
      } catch (error) {
        onError?.(error, job);
      }
    }
  }

  /**
   * Backs off exponentially, up to five minutes between tries. A reminder is dropped after `maxAttempts`
   * failures: one that arrives hours late does more harm than none. An expiry never is: turns do not
   * write the expire job (see conversation-turns.ts), so without it the conversation would stay open
   * for good; late, it still ends an idle conversation, and every failure is reported on the way.
   */
  private async retryLater(job: JobRow): Promise<void> {
    const { transaction, tables } = this.options.database;
    const mine = and(eq(tables.jobs.id, job.id), eq(tables.jobs.lockedUntil, job.lockedUntil ?? 0));
    const delay = Math.min(2 ** job.attempts * 1000, 5 * 60_000);
    await transaction(async (tx) => {
      if (job.kind === 'no-input' && job.attempts >= this.maxAttempts)
        await tx.delete(tables.jobs).where(mine);
      else
        await tx
          .update(tables.jobs)
          .set({ runAt: this.clock.now() + delay, lockedUntil: null })
          .where(mine);
    });
  }
}
