import { WAITING_TAG } from '@parley/nodes';
import type { FlowContext, FlowEvent, FlowMachine } from '@parley/nodes/runtime';
import type { BotMessage } from '@parley/shared';
import { type Actor, createActor, type Snapshot } from 'xstate';
import type { Conversation, TurnResult } from './conversation.ts';
import { EngineError } from './errors.ts';
import type { LoadedVersion } from './load-version.ts';
import type { FlowActor, WarmActors } from './warm-actors.ts';

type MachineSnapshot = {
  status: 'active' | 'done' | 'error' | 'stopped';
  context: FlowContext;
  children: Record<string, unknown>;
  error?: unknown;
  hasTag(tag: string): boolean;
};

type SnapshotListener = (snapshot: MachineSnapshot) => void;

function snapshotOf(actor: Actor<FlowMachine>): MachineSnapshot {
  return actor.getSnapshot() as unknown as MachineSnapshot;
}

/** Why the turn cannot go on, or null while an HTTP call or other child actor is still running. */
function settledOrFailed(snapshot: MachineSnapshot): 'settled' | EngineError | null {
  const node = snapshot.context.node ?? undefined;
  if (snapshot.status === 'done' || snapshot.hasTag(WAITING_TAG)) return 'settled';
  if (snapshot.status === 'error') {
    const reason = snapshot.error instanceof Error ? snapshot.error.message : String(snapshot.error);
    return new EngineError('FLOW_FAILED', `the flow failed at node "${node}": ${reason}`, node);
  }
  if (snapshot.context.steps >= snapshot.context.maxSteps) {
    return new EngineError(
      'TURN_STEP_LIMIT',
      `the flow ran ${snapshot.context.steps} steps without waiting for the user (last node "${node}"): ` +
        'a loop needs a node that waits for input, or a higher settings.limits.maxStepsPerTurn',
      node,
    );
  }
  if (Object.keys(snapshot.children).length === 0) {
    return new EngineError('FLOW_STUCK', `the flow stopped at node "${node}" with nowhere to go`, node);
  }
  return null;
}

/**
 * Waits for the snapshots a running child actor (an HTTP call) brings until the turn settles, fails or
 * runs out of time. Only turns that did not settle synchronously pay for the promise and the timer.
 */
function untilSettled(
  actor: Actor<FlowMachine>,
  listen: (listener: SnapshotListener) => void,
  timeoutMs: number,
): Promise<'settled' | EngineError> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const node = snapshotOf(actor).context.node ?? undefined;
      resolve(
        new EngineError('TURN_TIMEOUT', `the turn took longer than ${timeoutMs} ms at node "${node}"`, node),
      );
    }, timeoutMs);
    listen((snapshot) => {
      const state = settledOrFailed(snapshot);
      if (state === null) return;
      clearTimeout(timer);
      resolve(state);
    });
  });
}

/** A running actor for `snapshotJson`: a warm one that stands there, else restored from it (or a fresh one). */
function actorAt(
  version: LoadedVersion,
  snapshotJson: string | undefined,
  warm: WarmTurn | undefined,
): FlowActor {
  const kept = snapshotJson && warm ? warm.actors.take(warm.key, snapshotJson) : undefined;
  if (kept) {
    // The step budget is per turn; a restored snapshot gets the same reset below.
    snapshotOf(kept).context.steps = 0;
    return kept;
  }
  const restored = snapshotJson ? (JSON.parse(snapshotJson) as { context: FlowContext }) : undefined;
  if (restored) restored.context.steps = 0;
  return createActor(
    version.machine,
    restored ? { snapshot: restored as unknown as Snapshot<unknown> as never } : {},
  );
}

/** Where a turn may find, and leaves, its conversation's running actor (see WarmActors). */
export type WarmTurn = { actors: WarmActors; key: string };

/**
 * Restores the machine from `snapshotJson` (or starts it fresh), sends one event, runs until every active
 * state waits for the user or the machine is done, and persists the snapshot at rest. With `warm`, an
 * actor kept at exactly `snapshotJson` is used instead of restoring, and the actor is kept afterwards.
 */
export async function runTurn(
  version: LoadedVersion,
  base: Omit<Conversation, 'snapshot' | 'status' | 'version'>,
  snapshotJson: string | undefined,
  event: FlowEvent,
  warm?: WarmTurn,
): Promise<TurnResult> {
  const actor = actorAt(version, snapshotJson, warm);
  const messages: BotMessage[] = [];
  const said = actor.on('bot.message', (emitted) => messages.push(emitted.message));

  // Starting a restored actor reports the resting snapshot: only what follows the event counts, so the
  // listener is attached once the event has run. The error handler must exist from the start, or XState
  // rethrows the failure globally; the failed snapshot keeps the error for settledOrFailed.
  let listener: SnapshotListener | undefined;
  const watched = actor.subscribe(
    (snapshot) => listener?.(snapshot as unknown as MachineSnapshot),
    () => listener?.(snapshotOf(actor)),
  );

  let keep = false;
  try {
    actor.start();
    actor.send(event as never);
    const state =
      settledOrFailed(snapshotOf(actor)) ??
      (await untilSettled(
        actor,
        (next) => {
          listener = next;
        },
        version.flow.settings.limits.turnTimeoutMs,
      ));
    if (state !== 'settled') throw state;

    const snapshot = snapshotOf(actor);
    const persisted = JSON.stringify(actor.getPersistedSnapshot());
    const ended = snapshot.status === 'done';
    if (warm && !ended) {
      warm.actors.hold(warm.key, actor, persisted);
      keep = true;
    }
    // Not `{ ...base, version, ... }`: on Node 20, keys added after a spread build a new hidden class on
    // every call; Object.assign onto an empty object reuses one.
    const conversation: Conversation = Object.assign({}, base, {
      version,
      status: ended ? ('ended' as const) : ('active' as const),
      snapshot: persisted,
    });
    return {
      conversation,
      messages,
      node: snapshot.context.node,
      resolution: ended ? snapshot.context.resolution : null,
      vars: snapshot.context.vars,
    };
  } finally {
    listener = undefined;
    said.unsubscribe();
    watched.unsubscribe();
    if (!keep) actor.stop();
  }
}
