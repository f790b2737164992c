import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../services/clock.ts';
import type { CommittedTurn } from '../../services/conversations/index.ts';
import type { Database } from '../../store/database.ts';
import { Counter, Histogram, PROMETHEUS_CONTENT_TYPE, renderGauge } from './prometheus-text.ts';

/** Seconds; a turn is mostly the engine (fast) unless an HTTP node waits on an API. */
export const TURN_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

async function count(database: Database, table: 'conversations' | 'jobs', now: number): Promise<number> {
  const { db, tables } = database;
  const c = tables.conversations;
  const j = tables.jobs;
  const [row] =
    table === 'conversations'
      ? await db
          .select({ n: sql<number>`count(*)` })
          .from(c)
          .where(and(eq(c.status, 'active'), gt(c.expiresAt, now)))
      : await db.select({ n: sql<number>`count(*)` }).from(j).where(lte(j.runAt, now));
  // PostgreSQL's count(*) is a bigint, which node-postgres hands over as a string.
  return Number(row?.n ?? 0);
}

/**
 * This instance's Prometheus metrics: turns it committed (by flow and environment) and their latency;
 * active conversations and due timers are read from the database, so they count every instance's.
 */
export function createMetrics(options: { database: Database; clock: Clock; streams: () => number }) {
  const turns = new Counter(
    'parley_turns_total',
    'Turns committed by this instance, starts and ends included.',
  );
  const latency = new Histogram(
    'parley_turn_duration_seconds',
    'From the start of a turn (engine) to its commit.',
    TURN_SECONDS_BUCKETS,
  );
  return {
    observeTurn(turn: CommittedTurn): void {
      turns.inc({ flow_id: turn.flowId, environment: turn.environment });
      latency.observe(turn.durationMs / 1000);
    },

    async render(): Promise<string> {
      const now = options.clock.now();
      const [active, due] = await Promise.all([
        count(options.database, 'conversations', now),
        count(options.database, 'jobs', now),
      ]);
      return [
        turns.render(),
        latency.render(),
        renderGauge(
          'parley_conversations_active',
          'Conversations going on and not idle past their deadline.',
          active,
        ),
        renderGauge('parley_jobs_due', 'Durable timers due now and not yet fired.', due),
        renderGauge(
          'parley_event_streams',
          'Live event subscriptions open on this instance.',
          options.streams(),
        ),
      ].join('');
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** `GET /metrics`, for Prometheus to scrape. */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.render();
    return reply.header('content-type', PROMETHEUS_CONTENT_TYPE).send(text);
  });
}
