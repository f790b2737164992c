import type { TrackedEnvelope } from '@trpc/server';
import type { Logger } from 'pino';
import { ParleyError } from '../../errors.ts';
import { assertKeyAllows } from '../../services/auth/key-allows.ts';
import type { Clock } from '../../services/clock.ts';
import { conversationNotFound } from '../../services/conversations/conversation-errors.ts';
import type { CommittedTurn } from '../../services/conversations/index.ts';
import { visibleScope } from '../../services/conversations/visible-scope.ts';
import { parseInput } from '../../services/parse-input.ts';
import type { Principal } from '../../services/principal.ts';
import type { Database } from '../../store/database.ts';
import { afterTurn, type ConversationEvent } from './conversation-event.ts';
import { conversationStream } from './conversation-stream.ts';
import { EventBus } from './event-bus.ts';
import { parseConversationEventId, parseFlowEventId } from './event-ids.ts';
import {
  type ConversationEventsInput,
  conversationEventsInput,
  type FlowEventsInput,
  flowEventsInput,
} from './event-inputs.ts';
import { flowStream } from './flow-stream.ts';
import { Inbox } from './inbox.ts';
import { PgTurnRelay, pgPoolOf } from './pg-turn-relay.ts';
import { noticeOf } from './turn-notice.ts';
import { flowExists, readConversationHead } from './turn-reads.ts';

export type LiveEventsOptions = {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** How far back a resuming flow stream looks again; see flow-stream.ts. Default: 0 on SQLite, 1 s on PostgreSQL. */
  lookbackMs?: number;
};

export type EventStream = AsyncGenerator<TrackedEnvelope<ConversationEvent>, void, undefined>;

/**
 * Live conversation events for agents and the designer. Committed turns are announced to an in-process
 * bus (by the conversation service's hook) and, on PostgreSQL, to the other instances with NOTIFY
 * (ids only); each stream then reads the committed transcript. Reads are authorised like
 * `conversations.get`: roles by the API policy, an API key within its flows and environments.
 */
export function createLiveEvents(options: LiveEventsOptions) {
  const { database, clock, logger } = options;
  const bus = new EventBus();
  const pool = pgPoolOf(database);
  const relay = pool ? new PgTurnRelay(pool, bus, logger) : null;
  const lookbackMs = options.lookbackMs ?? (database.dialect === 'pg' ? 1000 : 0);

  return {
    /** The conversation service's hook: a turn committed here. */
    announce(turn: CommittedTurn): void {
      const notice = noticeOf(turn);
      bus.deliver(notice);
      relay?.announce(notice);
    },

    /** Starts listening to the other instances' turns (PostgreSQL). */
    async start(): Promise<void> {
      await relay?.start();
    },

    /** The events of one conversation; finishes after it ends. */
    async conversation(
      actor: Principal,
      raw: ConversationEventsInput,
      signal: AbortSignal | undefined,
    ): Promise<EventStream> {
      const input = parseInput(conversationEventsInput, raw);
      const given = input.lastEventId ? parseConversationEventId(input.lastEventId) : undefined;
      const inbox = new Inbox(signal);
      // Following before reading: a turn committing meanwhile is either read now or announced later.
      const unfollow = bus.follow({ conversationId: input.conversationId }, inbox);
      // Also when the client leaves before the stream ever ran (a generator not started has no finally).
      signal?.addEventListener('abort', unfollow, { once: true });
      try {
        const head = await readConversationHead(database, input.conversationId);
        if (!head) throw conversationNotFound(input.conversationId);
        assertKeyAllows(actor, head.flowId, head.environment);
        const from = given ?? afterTurn((input.fromTurn ?? head.turns) - 1);
        return conversationStream(database, input.conversationId, from, inbox, unfollow);
      } catch (error) {
        unfollow();
        throw error;
      }
    },

    /** The events of every conversation of a flow, optionally of one environment. */
    async flow(
      actor: Principal,
      raw: FlowEventsInput,
      signal: AbortSignal | undefined,
    ): Promise<EventStream> {
      const input = parseInput(flowEventsInput, raw);
      const resume = input.lastEventId ? parseFlowEventId(input.lastEventId) : undefined;
      const environments = allowedEnvironments(actor, input.flowId, input.environment);
      if (!(await flowExists(database, input.flowId))) {
        throw new ParleyError('NOT_FOUND', `flow "${input.flowId}" does not exist`);
      }
      const inbox = new Inbox(
        signal,
        (notice) => environments === undefined || environments.includes(notice.environment),
      );
      const unfollow = bus.follow({ flowId: input.flowId }, inbox);
      signal?.addEventListener('abort', unfollow, { once: true });
      return flowStream({
        database,
        filter: { flowId: input.flowId, environments },
        inbox,
        stop: unfollow,
        lookbackMs,
        resume,
        now: () => clock.now(),
      });
    },

    /** Ends every stream once it has sent what was committed, and stops listening to other instances. */
    async close(): Promise<void> {
      bus.close();
      await relay?.close();
    },

    /** Streams open now. */
    get streams(): number {
      return bus.size;
    },
  };
}

/** The environments a flow stream may show the actor; undefined means all. */
function allowedEnvironments(actor: Principal, flowId: string, environment: string | undefined) {
  if (environment !== undefined) {
    assertKeyAllows(actor, flowId, environment);
    return [environment];
  }
  const scope = visibleScope(actor);
  if (scope.flowIds && !scope.flowIds.includes(flowId)) {
    throw new ParleyError('FORBIDDEN', `this API key may not use flow ${flowId}`, { flowId });
  }
  return scope.environments;
}

export type LiveEvents = ReturnType<typeof createLiveEvents>;
