import { Writable } from 'node:stream';
import type { FlowDocumentInput } from '@parley/shared';
import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import pino, { type Logger } from 'pino';
import type { AppRouter } from '../../../api/router.ts';
import type { Clock } from '../../../services/clock.ts';
import { deploy, publish } from '../../../services/conversations/testing/conversation-fixtures.ts';
import type { ApiKeyScopes } from '../../../services/principal.ts';
import { type Role, systemPrincipal } from '../../../services/principal.ts';
import type { Database } from '../../../store/database.ts';
import { createLogger } from '../../logger.ts';
import { createParleyServer, type ParleyServer } from '../../parley-server.ts';
import type { ConversationEvent } from '../conversation-event.ts';

/*
 * Test support for live events, logs and shutdown: a real server listening on a free port, called through
 * the official tRPC client (subscriptions over SSE with the `eventsource` package).
 */

export const PASSWORD = 'correct horse battery staple';

export type Running = { server: ParleyServer; url: string; trpcUrl: string };

/** Everything the logger wrote, one parsed JSON line each, and the raw text. */
export type LogCapture = { logger: Logger; text(): string; lines(): Record<string, unknown>[] };

export function captureLogs(level = 'trace'): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(level, stream);
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export async function startServer(
  database: Database,
  options: { logger?: Logger; clock?: Clock; jobPollMs?: number; keepDatabaseOpen?: boolean } = {},
): Promise<Running> {
  const server = createParleyServer({
    // The test database's handle closes it (and drops it) after the test.
    database: options.keepDatabaseOpen === false ? database : { ...database, close: async () => {} },
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.jobPollMs ? { jobPollMs: options.jobPollMs } : {}),
  });
  const url = await server.listen(0);
  return { server, url, trpcUrl: `${url}/trpc` };
}

/** A user of `role` created directly and signed in through the service: their session token. */
export async function signedIn(
  server: ParleyServer,
  role: Role,
  email = `${role}@example.com`,
): Promise<string> {
  await server.services.auth.createUser(systemPrincipal, {
    email,
    name: `The ${role}`,
    role,
    password: PASSWORD,
  });
  const { token } = await server.services.auth.signIn({ email, password: PASSWORD });
  return token;
}

export async function apiKey(server: ParleyServer, scopes: ApiKeyScopes): Promise<string> {
  const { key } = await server.services.auth.createApiKey(systemPrincipal, {
    name: 'test connector',
    scopes,
  });
  return key;
}

/** Publishes the flow as version 1 and deploys it to each environment. */
export async function liveFlow(
  database: Database,
  flow: FlowDocumentInput,
  environments: string[] = ['production'],
): Promise<string> {
  const versionId = await publish(database, flow, 1);
  for (const environment of environments) await deploy(database, flow.id ?? '', environment, versionId);
  return flow.id ?? '';
}

export type ClientOptions = {
  /** Sent as `Authorization: Bearer ...` on every request, subscriptions included. */
  credential?: string | null;
  /** Sent as the tRPC connection param `authorization` instead, as a browser would. */
  connectionParamsCredential?: string;
};

/** The typed client: queries and mutations over HTTP, subscriptions over SSE. */
export function clientFor(trpcUrl: string, options: ClientOptions = {}): TRPCClient<AppRouter> {
  const authorization = options.credential ? `Bearer ${options.credential}` : undefined;
  const headers = authorization ? { authorization } : undefined;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: trpcUrl,
          EventSource,
          ...(options.connectionParamsCredential
            ? { connectionParams: { authorization: `Bearer ${options.connectionParamsCredential}` } }
            : {}),
          eventSourceOptions: {
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
          },
        }),
        false: httpLink({ url: trpcUrl, ...(headers ? { headers } : {}) }),
      }),
    ],
  });
}

export type Received = { id: string; event: ConversationEvent };

/** A subscription's events as they arrive, and how it ended. */
export class Recorder {
  readonly received: Received[] = [];
  error: TRPCClientError<AppRouter> | null = null;
  completed = false;
  unsubscribe: () => void = () => {};
  private readonly waiters = new Set<() => void>();

  onData = (data: { id: string; data: ConversationEvent }) => {
    this.received.push({ id: data.id, event: data.data });
    this.notify();
  };
  onError = (error: TRPCClientError<AppRouter>) => {
    this.error = error;
    this.notify();
  };
  onComplete = () => {
    this.completed = true;
    this.notify();
  };

  get events(): ConversationEvent[] {
    return this.received.map((r) => r.event);
  }

  /** Resolves once `ready` holds; fails with what was received after `timeoutMs`. */
  async until(ready: (recorder: this) => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready(this)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${what}; received ${JSON.stringify(this.received.map((r) => [r.id, r.event.type]))}, error ${this.error?.message ?? 'none'}, completed ${this.completed}`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 100));
        this.waiters.add(wake);
      });
    }
  }

  /** Waits for `count` events in all. */
  untilCount(count: number, timeoutMs?: number): Promise<void> {
    return this.until((r) => r.received.length >= count, `${count} events`, timeoutMs);
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** A compact view of events for assertions: type, turn and what was said. */
export function summary(event: ConversationEvent): string {
  if (event.type === 'turn') {
    const user = event.user
      ? `${event.user.type}${'text' in event.user ? `:${event.user.text}` : ''} -> `
      : '';
    const said = event.messages.map((m) => (m.type === 'text' ? m.text : m.type)).join(' | ');
    return `${event.turn} turn ${user}${said}`;
  }
  if (event.type === 'conversation.ended') return `${event.turn} ended ${event.resolution}`;
  return `${event.turn} started`;
}
