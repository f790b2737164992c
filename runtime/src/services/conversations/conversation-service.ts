import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { BotMessage, UserEvent } from '@parley/shared';
import { ParleyError } from '../../errors.ts';
import type { Database } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { assertKeyAllows } from '../auth/key-allows.ts';
import { type Clock, newId, systemClock } from '../clock.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { conversationEnded, conversationNotFound } from './conversation-errors.ts';
import {
  type ConversationIdInput,
  type ParsedSendInput,
  resetInput,
  type SendInput,
  type StartInput,
  sendInput,
  startInput,
} from './conversation-inputs.ts';
import { findActiveAt } from './conversation-queries.ts';
import { conversationReads } from './conversation-reads.ts';
import { loadConversation } from './conversation-records.ts';
import { addressKey, createTurns, type Where } from './conversation-turns.ts';
import {
  addressOf,
  type ConversationAddress,
  type ConversationReply,
  type ConversationRow,
  type JobRow,
  type TurnCommittedHook,
} from './conversation-types.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { writeEnd } from './turn-writes.ts';
import { VersionCache } from './version-cache.ts';

/**
 * The conversation service: what channel connectors call to start conversations and send the end
 * user's events, and what the job runner calls when a timer fires.
 *
 * Versions. A new conversation gets the version deployed to its environment; when the deployment
 * splits traffic, the conversation id picks the side (a hash, so the choice is reproducible), and the
 * conversation stays pinned to that version until it ends, whatever is deployed later. Versions are
 * loaded by id into a small LRU cache: published versions never change, so it never goes stale.
 *
 * Turns. A turn restores the conversation from its stored XState snapshot, runs the event through
 * the engine, then writes in ONE transaction: the new snapshot and state (node, status, resolution,
 * turn count, idle deadline), the transcript (the user's event, then the bot's messages), the
 * idempotency row, the analytics events and the timers. A failure anywhere rolls all of it back, so a
 * retry finds the conversation as it was.
 *
 * Idempotency. Every send carries the channel's message id; the `turns` table keeps the answer under
 * (conversation, message id), and a send seen before returns that answer and changes nothing.
 *
 * Ordering. Sends to one conversation are queued in arrival order by an in-process keyed FIFO mutex,
 * so each turn starts from the snapshot the previous one left; different conversations run in
 * parallel (the engine runs outside the transaction, so a slow HTTP node holds no database lock).
 * Across runtime instances sharing PostgreSQL, the write locks the conversation row and checks that
 * no turn was taken since the snapshot was read; if one was, the turn runs again on the new snapshot
 * (so in that rare race an HTTP node may be called twice).
 *
 * Addresses. A send may name a channel address instead of a conversation id: it goes to the newest
 * active conversation there, or starts one. A message that starts a conversation is kept in the
 * transcript but not fed to the flow: the flow's greeting answers it (feeding "hi" to the first
 * question would only earn a reprompt). Across instances two first messages racing from one address
 * start one conversation: the start locks the address (an advisory lock on PostgreSQL) and looks again
 * inside its transaction; the loser's message becomes a turn of the winner's conversation.
 *
 * Expiry and timers (the `jobs` table, fired by `JobRunner`). Each end-user turn moves the idle
 * deadline (`settings.idleTimeoutMinutes`, `conversations.expiresAt`); the `expire` job is written at the
 * start only and, when it fires before the deadline, re-arms itself for it. While the flow waits and has
 * `settings.noInputTimeoutSeconds`, a `no-input` job is scheduled, replaced by every turn. A no-input
 * turn does not move the idle deadline, so reminders stop when the conversation expires. A send to a
 * conversation past its deadline ends it as `expired` even if its job has not run yet.
 *
 * Failures. A flow that cannot finish a turn (step limit, timeout, failure) throws the engine's
 * EngineError with nothing stored but a `turn.failed` event for the author; the conversation stays as
 * it was, and the same message may be sent again.
 *
 * Access. Every method, reads included, takes the acting principal: an API key only reaches the flows
 * and environments of its scopes (FORBIDDEN otherwise) and lists only those; roles are checked by the API.
 *
 * Records. Conversation traffic is recorded in the transcript and the events table (which notes who
 * started a conversation), not in the audit log, which would drown in it; `reset`, an operator's
 * action, is audited.
 */

/** Events that may start a conversation when a channel sends to an address with none going. */
const STARTING_EVENTS: ReadonlySet<UserEvent['type']> = new Set(['user.message', 'user.choice', 'user.dtmf']);

export type ConversationServiceOptions = {
  database: Database;
  clock?: Clock;
  /** HTTP transport and DNS lookup for the flows' HTTP nodes; the real ones when left out. */
  runtimeDeps?: Partial<RuntimeDeps>;
  /** Loaded versions kept in memory. */
  versionCacheSize?: number;
  /** Tests make traffic splits reproducible with it. */
  newConversationId?: () => string;
  /** Told of every start, turn and end after it commits (live events, logs, metrics). */
  onTurnCommitted?: TurnCommittedHook;
};

/** A timer job's outcome: the conversation it touched and what the bot said, or null when it had nothing to do. */
export type JobOutcome = { conversation: ConversationAddress; messages: BotMessage[] } | null;

export function createConversationService(options: ConversationServiceOptions) {
  const { database } = options;
  const { db, tables } = database;
  const clock = options.clock ?? systemClock;
  const versions = new VersionCache(database, options.versionCacheSize, options.runtimeDeps);
  const { existing, latest, begin, beginAt, expire, takeTurn, announceEnd, forget } = createTurns({
    database,
    clock,
    versions,
    newConversationId: options.newConversationId ?? (() => newId('conv')),
    onCommitted: options.onTurnCommitted,
  });
  // One FIFO per conversation, and one per channel address for sends that name an address.
  const queue = new KeyedMutex();

  async function sendToAddress(
    actor: Principal,
    at: Where,
    locale: string | undefined,
    event: UserEvent,
    messageId: string,
  ): Promise<ConversationReply> {
    const turnIn = async (active: ConversationRow) => {
      const done = await queue.run(active.id, () => takeTurn(active.id, event, { messageId }));
      // Only timer turns are ever skipped.
      if (!done) throw conversationNotFound(active.id);
      return done.reply;
    };
    return queue.run(addressKey(at), async () => {
      const active = await findActiveAt(db, tables, at, clock.now());
      if (active) return turnIn(active);
      if (!STARTING_EVENTS.has(event.type)) {
        throw new ParleyError(
          'NOT_FOUND',
          `no conversation is going on at ${at.channel} address "${at.address}"`,
        );
      }
      const started = await beginAt(actor, { ...at, locale }, { event, messageId });
      return 'reply' in started ? started.reply : turnIn(started.active);
    });
  }

  async function sendParsed(actor: Principal, input: ParsedSendInput): Promise<ConversationReply> {
    const { event, messageId, conversationId } = input;
    if (conversationId !== undefined) {
      // Queued before anything is awaited, so sends are served in the order they arrived.
      return queue.run(conversationId, async () => {
        const row = await latest(conversationId);
        assertKeyAllows(actor, row.flowId, row.environment);
        const done = await takeTurn(conversationId, event, { messageId }, row);
        if (!done) throw conversationNotFound(conversationId);
        return done.reply;
      });
    }
    const { channel, address, flowId, environment } = input;
    // sendInput requires all four when there is no conversation id; this narrows their types.
    if (!channel || !address || !flowId || !environment) {
      throw new ParleyError(
        'BAD_REQUEST',
        'name the conversation by conversationId or by channel and address',
      );
    }
    assertKeyAllows(actor, flowId, environment);
    return sendToAddress(actor, { channel, address, flowId, environment }, input.locale, event, messageId);
  }

  return {
    /** Starts a conversation on the version deployed to the environment and returns the bot's opening. */
    async start(actor: Principal, raw: StartInput): Promise<ConversationReply> {
      const input = parseInput(startInput, raw);
      assertKeyAllows(actor, input.flowId, input.environment);
      return begin(actor, input);
    },

    /** Runs one end-user event; a message id seen before returns its first answer. */
    async send(actor: Principal, raw: SendInput): Promise<ConversationReply> {
      return sendParsed(actor, parseInput(sendInput, raw));
    },

    /** `send` for input `sendInput` already parsed (the tRPC layer does): each turn is parsed once. */
    sendParsed,

    /** Ends a conversation now (resolution `reset`); its timers are cancelled. */
    async reset(actor: Principal, raw: ConversationIdInput) {
      const { conversationId } = parseInput(resetInput, raw);
      return queue.run(conversationId, async () => {
        const startedAt = performance.now();
        const row = await existing(conversationId);
        assertKeyAllows(actor, row.flowId, row.environment);
        const done = await database.transaction(async (tx) => {
          await database.lockConversation(tx, conversationId);
          const fresh = await loadConversation(tx, tables, conversationId);
          if (!fresh) throw conversationNotFound(conversationId);
          if (fresh.status === 'ended') throw conversationEnded(fresh);
          const now = clock.now();
          await writeEnd(tx, tables, fresh, 'reset', { actor: { type: actor.type, id: actor.id } }, now);
          const details = { flowId: fresh.flowId, environment: fresh.environment, node: fresh.node };
          const entry = {
            action: 'conversation.reset',
            targetType: 'conversation',
            targetId: conversationId,
            details,
          };
          await recordAudit(tx, tables, actor, entry, now);
          return fresh;
        });
        forget(conversationId);
        await announceEnd(done, 'reset', 1, startedAt);
        return { conversationId, status: 'ended' as const, resolution: 'reset' };
      });
    },

    ...conversationReads(database, existing),

    /** For the job runner: fires a claimed timer through the same queue as the end user's sends. */
    async runJob(job: Pick<JobRow, 'id' | 'kind' | 'conversationId'>): Promise<JobOutcome> {
      const { conversationId } = job;
      if (job.kind === 'expire') {
        const messages = await queue.run(conversationId, () => expire(conversationId, job.id));
        return messages ? { conversation: addressOf(await existing(conversationId)), messages } : null;
      }
      const done = await queue.run(conversationId, () =>
        takeTurn(conversationId, { type: 'timer.no-input' }, { jobId: job.id }),
      );
      return done ? { conversation: addressOf(done.row), messages: done.reply.messages } : null;
    },

    /** Loaded versions in memory, for health reporting. */
    get cachedVersions(): number {
      return versions.size;
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
