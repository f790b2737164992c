import type { BotMessage, UserEvent } from '@parley/shared';
import { LRUCache } from 'lru-cache';
import {
  type Conversation,
  EngineError,
  startConversation,
  type TurnResult,
  turnParsed,
  WarmActors,
} from '../../engine/index.ts';
import { ParleyError } from '../../errors.ts';
import type { Database } from '../../store/database.ts';
import type { Clock } from '../clock.ts';
import type { Principal } from '../principal.ts';
import { conversationEnded, conversationNotFound } from './conversation-errors.ts';
import { findActiveAt } from './conversation-queries.ts';
import { findReply, insertEvents, jobExists, loadConversation, scheduleJob } from './conversation-records.ts';
import type {
  CommittedTurn,
  ConversationReply,
  ConversationRow,
  TurnCommittedHook,
} from './conversation-types.ts';
import { deployedVersion } from './deployed-version.ts';
import { type StartWrite, writeEnd, writeStart, writeTurn } from './turn-writes.ts';
import type { CachedVersion, VersionCache } from './version-cache.ts';

/*
 * Starting conversations and taking turns: engine first, then one transaction. The caller queues the
 * work per conversation (see conversation-service.ts for the whole design).
 */

/** Attempts a turn makes when other runtime instances keep taking turns in the same conversation. */
const MAX_TURN_ATTEMPTS = 5;

export type TurnDeps = {
  database: Database;
  clock: Clock;
  versions: VersionCache;
  newConversationId: () => string;
  onCommitted?: TurnCommittedHook | undefined;
};

/** Conversations whose last committed row is kept in memory (see `recent`): ~1 KB each. */
const RECENT_CONVERSATIONS = 10_000;

export type Where = { channel: string; address: string; flowId: string; environment: string };

/** Names a channel address of a flow's environment, for the queue and the lock of its sends. */
export const addressKey = (at: Where) =>
  JSON.stringify(['address', at.channel, at.address, at.flowId, at.environment]);

const idleMs = (version: CachedVersion) => version.loaded.flow.settings.idleTimeoutMinutes * 60_000;

function replyOf(conversationId: string, version: CachedVersion, result: TurnResult): ConversationReply {
  return {
    conversationId,
    version: version.number,
    messages: result.messages,
    status: result.conversation.status,
    resolution: result.resolution,
  };
}

/** What a committed engine turn tells the hook. */
function committed(
  row: Pick<ConversationRow, 'id' | 'flowId' | 'environment' | 'versionId'>,
  version: CachedVersion,
  result: TurnResult,
  turn: Pick<CommittedTurn, 'turn' | 'cause'> & { startedAt: number },
): CommittedTurn {
  return {
    conversationId: row.id,
    flowId: row.flowId,
    environment: row.environment,
    versionId: row.versionId,
    version: version.number,
    turn: turn.turn,
    cause: turn.cause,
    status: result.conversation.status,
    resolution: result.resolution,
    node: result.node,
    messages: result.messages.length,
    durationMs: performance.now() - turn.startedAt,
    vars: result.vars,
    sensitive: version.loaded.flow.variables.filter((v) => v.sensitive).map((v) => v.name),
  };
}

function toConversation(row: ConversationRow, version: CachedVersion): Conversation {
  return {
    version: version.loaded,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    snapshot: row.snapshot,
  };
}

/** The turn-taking core of the conversation service. */
export function createTurns({ database, clock, versions, newConversationId, onCommitted }: TurnDeps) {
  const { db, tables } = database;
  /*
   * Each conversation's row as this instance last committed it, so a turn skips reading and decoding it.
   * The row only ever changes by a committed turn, start or end; those of this instance update or drop
   * the entry, and another instance's (on PostgreSQL) are caught inside the turn's transaction, whose
   * update matches only the turn count and status the turn started from; if it matches nothing, the
   * turn runs again on a fresh read.
   */
  const recent = new LRUCache<string, ConversationRow>({ max: RECENT_CONVERSATIONS });
  const warm = new WarmActors();

  async function existing(conversationId: string): Promise<ConversationRow> {
    const row = await loadConversation(db, tables, conversationId);
    if (!row) throw conversationNotFound(conversationId);
    return row;
  }

  /** The conversation as last committed here, or as stored; only a turn's transaction relies on it. */
  function latest(conversationId: string): Promise<ConversationRow> {
    const row = recent.get(conversationId);
    return row ? Promise.resolve(row) : existing(conversationId);
  }

  /** Runs the engine; a flow that fails is noted for its author, an ended conversation is PRECONDITION_FAILED. */
  async function runEngine(
    row: Pick<ConversationRow, 'id' | 'flowId' | 'versionId'>,
    work: () => Promise<TurnResult>,
  ): Promise<TurnResult> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if (error.code === 'CONVERSATION_ENDED') throw new ParleyError('PRECONDITION_FAILED', error.message);
      const data = { code: error.code, message: error.message };
      await database.transaction((tx) =>
        insertEvents(tx, tables, row, [{ type: 'turn.failed', nodeId: error.nodeId, data }], clock.now()),
      );
      throw error;
    }
  }

  /** Runs a new conversation's opening turn, before anything is written. */
  async function open(actor: Principal, input: Where & { locale?: string | undefined }) {
    const startedAt = performance.now();
    const id = newConversationId();
    const { versionId, split } = await deployedVersion(db, tables, input.flowId, input.environment, id);
    const version = await versions.get(versionId);
    const { flowId, environment, channel, address } = input;
    const result = await runEngine({ id, flowId, versionId }, () =>
      startConversation(
        version.loaded,
        { channel, ...(input.locale ? { locale: input.locale } : {}) },
        { actors: warm, key: id },
      ),
    );
    const now = clock.now();
    const row = {
      id,
      flowId,
      environment,
      versionId,
      channel,
      address,
      locale: result.conversation.locale,
      createdAt: now,
      expiresAt: now + idleMs(version),
    };
    const write: StartWrite = {
      row,
      result,
      reply: replyOf(id, version, result),
      settings: version.loaded.flow.settings,
      startedData: { channel, locale: row.locale, actor: { type: actor.type, id: actor.id }, split },
    };
    const opened = (stored: ConversationRow): ConversationReply => {
      recent.set(id, stored);
      onCommitted?.(committed(row, version, result, { turn: 0, cause: 'start', startedAt }));
      return write.reply;
    };
    return { write, opened };
  }

  /** Starts a conversation and returns the bot's opening. */
  async function begin(
    actor: Principal,
    input: Where & { locale?: string | undefined },
  ): Promise<ConversationReply> {
    const { write, opened } = await open(actor, input);
    return opened(await database.transaction((tx) => writeStart(tx, tables, write)));
  }

  /**
   * Starts the conversation of a channel address with the end user's first message, unless one is going
   * on there after all: another runtime instance may have started it meanwhile, so the address is locked
   * and looked at again inside the transaction, and that conversation is returned instead.
   */
  async function beginAt(
    actor: Principal,
    at: Where & { locale?: string | undefined },
    trigger: { event: UserEvent; messageId: string },
  ): Promise<{ reply: ConversationReply } | { active: ConversationRow }> {
    const { write, opened } = await open(actor, at);
    const outcome = await database.transaction(async (tx) => {
      await database.lockKey(tx, addressKey(at));
      const active = await findActiveAt(tx, tables, at, clock.now());
      return active ?? writeStart(tx, tables, { ...write, trigger });
    });
    return outcome.id === write.row.id ? { reply: opened(outcome) } : { active: outcome };
  }

  /**
   * Ends a conversation whose idle deadline passed and returns its end message; null when a turn got there
   * first (the job, when given, is then re-armed for the new deadline).
   */
  async function expire(conversationId: string, jobId?: string): Promise<BotMessage[] | null> {
    const startedAt = performance.now();
    const ended = await database.transaction(async (tx) => {
      await database.lockConversation(tx, conversationId);
      const row = await loadConversation(tx, tables, conversationId);
      const now = clock.now();
      if (!row || row.status === 'ended') return null;
      if (jobId !== undefined && !(await jobExists(tx, tables, jobId))) return null;
      if (row.expiresAt > now) {
        // Turns move the deadline without touching the job (one write less per turn): the job fired
        // early, so it is re-armed for the deadline, under a new id the runner does not delete.
        if (jobId !== undefined) await scheduleJob(tx, tables, row.id, 'expire', row.expiresAt, now);
        return null;
      }
      return { row, messages: await writeEnd(tx, tables, row, 'expired', {}, now) };
    });
    if (!ended) return null;
    recent.delete(conversationId);
    await announceEnd(ended.row, 'expire', ended.messages.length, startedAt);
    return ended.messages;
  }

  /** Tells the hook of a conversation ended from outside the flow (`writeEnd`), after its commit. */
  async function announceEnd(
    row: ConversationRow,
    cause: 'expire' | 'reset',
    messages: number,
    startedAt: number,
  ): Promise<void> {
    if (!onCommitted) return;
    // The end is committed whatever happens here: a version that cannot be loaded (the database went
    // away) only costs the announcement, and live listeners catch up from the transcript.
    const version = await versions.get(row.versionId).catch(() => null);
    if (!version) return;
    onCommitted({
      conversationId: row.id,
      flowId: row.flowId,
      environment: row.environment,
      versionId: row.versionId,
      version: version.number,
      turn: row.turns,
      cause,
      status: 'ended',
      resolution: cause === 'expire' ? 'expired' : 'reset',
      node: row.node,
      messages,
      durationMs: performance.now() - startedAt,
    });
  }

  /**
   * One turn, queued behind the conversation's earlier ones. `messageId` is the end user's message;
   * `jobId` marks a timer turn, which is skipped when its job was replaced meanwhile. `known` is the
   * conversation as the caller just read it inside the queue, which spares the first attempt a read.
   */
  async function takeTurn(
    conversationId: string,
    event: UserEvent,
    origin: { messageId: string } | { jobId: string },
    known?: ConversationRow,
  ): Promise<{ row: ConversationRow; reply: ConversationReply } | null> {
    const startedAt = performance.now();
    for (let attempt = 1; attempt <= MAX_TURN_ATTEMPTS; attempt += 1) {
      if ('messageId' in origin) {
        const stored = await findReply(db, tables, conversationId, origin.messageId);
        if (stored) return { row: known ?? (await existing(conversationId)), reply: stored };
      } else if (!(await jobExists(db, tables, origin.jobId))) {
        return null;
      }
      const row = attempt === 1 && known ? known : await existing(conversationId);
      if (row.status === 'ended') {
        if ('jobId' in origin) return null;
        throw conversationEnded(row);
      }
      if (row.expiresAt <= clock.now()) {
        // A reminder yields to the expire job, which ends the conversation and tells the channel.
        if ('jobId' in origin) return null;
        if (await expire(row.id)) throw conversationEnded({ ...row, resolution: 'expired' });
        // Not expired after all: another instance's turn moved the deadline. Read the row again.
        recent.delete(row.id);
        continue;
      }
      const version = await versions.get(row.versionId);
      // Every event here was parsed: the input schemas of send, or the service's own timer events.
      const result = await runEngine(row, () =>
        turnParsed(toConversation(row, version), event, { actors: warm, key: row.id }),
      );
      const now = clock.now();
      const reply = replyOf(row.id, version, result);
      const user = 'messageId' in origin ? { event, messageId: origin.messageId } : undefined;
      const outcome = await database.transaction(async (tx) => {
        // A job is replaced only by a turn or an end, which writeTurn then notices.
        if ('jobId' in origin && !(await jobExists(tx, tables, origin.jobId))) return 'skip' as const;
        const written = await writeTurn(tx, tables, {
          row,
          result,
          reply,
          settings: version.loaded.flow.settings,
          eventType: event.type,
          now,
          // Only the end user keeps a conversation alive; reminders do not.
          expiresAt: user ? now + idleMs(version) : row.expiresAt,
          ...(user ? { user } : {}),
        });
        return written ?? ('again' as const);
      });
      if (outcome === 'skip') return null;
      if (outcome !== 'again') {
        recent.set(row.id, outcome);
        onCommitted?.(committed(row, version, result, { turn: row.turns, cause: event.type, startedAt }));
        return { row, reply };
      }
      recent.delete(row.id);
    }
    throw new ParleyError(
      'CONFLICT',
      'the conversation kept changing while this message was processed; send it again',
      { conversationId },
    );
  }

  return {
    existing,
    latest,
    begin,
    beginAt,
    expire,
    takeTurn,
    announceEnd,
    forget: (id: string) => recent.delete(id),
  };
}

export type Turns = ReturnType<typeof createTurns>;
