import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../store/database.ts';
import type { EventBus } from './event-bus.ts';
import { decodeNotices, encodeNotices, type TurnNotice } from './turn-notice.ts';

const CHANNEL = 'parley_turns';
const MAX_RETRY_MS = 30_000;

/** The PostgreSQL pool under a database handle; null on SQLite. */
export function pgPoolOf(database: Database): pg.Pool | null {
  if (database.dialect !== 'pg') return null;
  // drizzle's node-postgres database keeps the pool it was given as `$client`.
  const client: unknown = (database.db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

/**
 * Carries turn notices between runtime instances sharing one PostgreSQL database: each instance NOTIFYs
 * the ids of the turns it committed and LISTENs (on a connection of its own) for the others'. A notice is
 * sent after commit; one lost in a crash or while the listener reconnects is made up by the streams
 * reading the transcript again (`bus.resync()` after every reconnect).
 */
export class PgTurnRelay {
  private readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private outbox: TurnNotice[] = [];
  private closed = false;
  private retryMs = 500;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Connects the listener; resolves once it listens. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Sends the notice with the others of this moment: one NOTIFY for many turns under load. */
  announce(notice: TurnNotice): void {
    this.outbox.push(notice);
    if (this.outbox.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const notices = this.outbox;
    this.outbox = [];
    for (const payload of encodeNotices(notices, this.origin)) {
      this.pool
        .query('select pg_notify($1, $2)', [CHANNEL, payload])
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, turns: notices.length },
            'could not tell other instances about turns; their streams catch up when they next read',
          ),
        );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.pool.options);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      for (const { origin, notice } of decodeNotices(message.payload)) {
        // Turns of this instance were delivered when they committed.
        if (origin !== this.origin) this.bus.deliver(notice);
      }
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(
        { err: error },
        'lost the connection listening for other instances’ turns; reconnecting',
      );
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = 500;
  }

  private reconnectLater(): void {
    this.retry = setTimeout(() => {
      this.connect()
        // Notices sent while nobody listened are gone: every stream reads again.
        .then(() => this.bus.resync())
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'could not listen for other instances’ turns; retrying');
          this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
          this.reconnectLater();
        });
    }, this.retryMs);
  }
}
