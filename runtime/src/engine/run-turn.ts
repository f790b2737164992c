import { WAITING_TAG } from '@parley/nodes';
import type { FlowContext, FlowEvent } from '@parley/nodes/runtime';
import type { BotMessage } from '@parley/shared';
import { createActor, type Snapshot } from 'xstate';
import type { Conversation, TurnResult } from './conversation.ts';
import { EngineError } from './errors.ts';
import type { LoadedVersion } from './load-version.ts';

type MachineSnapshot = {
  status: 'active' | 'done' | 'error' | 'stopped';
  context: FlowContext;
  children: Record<string, unknown>;
  error?: unknown;
  hasTag(tag: string): boolean;
};

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
 * Restores the machine from `snapshotJson` (or starts it fresh), sends one event, runs until every active
 * state waits for the user or the machine is done, and persists the snapshot at rest.
 */
export async function runTurn(
  version: LoadedVersion,
  base: Omit<Conversation, 'snapshot' | 'status' | 'version'>,
  snapshotJson: string | undefined,
  event: FlowEvent,
): Promise<TurnResult> {
  const restored = snapshotJson ? (JSON.parse(snapshotJson) as { context: FlowContext }) : undefined;
  if (restored) restored.context.steps = 0;
  const actor = createActor(
    version.machine,
    restored ? { snapshot: restored as unknown as Snapshot<unknown> as never } : {},
  );
  const messages: BotMessage[] = [];
  actor.on('bot.message', (emitted) => messages.push(emitted.message));

  const { turnTimeoutMs } = version.flow.settings.limits;
  let timer: NodeJS.Timeout | undefined;
  let sent = false;
  const outcome = new Promise<void>((resolve, reject) => {
    const check = (snapshot: MachineSnapshot) => {
      // Starting a restored actor reports the resting snapshot; only what follows the event counts.
      if (!sent) return;
      const state = settledOrFailed(snapshot);
      if (state === 'settled') resolve();
      else if (state) reject(state);
    };
    actor.subscribe({
      next: (snapshot) => check(snapshot as unknown as MachineSnapshot),
      error: (error) =>
        check({ ...(actor.getSnapshot() as unknown as MachineSnapshot), status: 'error', error }),
    });
    timer = setTimeout(() => {
      const node = (actor.getSnapshot() as unknown as MachineSnapshot).context.node ?? undefined;
      reject(
        new EngineError(
          'TURN_TIMEOUT',
          `the turn took longer than ${turnTimeoutMs} ms at node "${node}"`,
          node,
        ),
      );
    }, turnTimeoutMs);
    actor.start();
    sent = true;
    actor.send(event as never);
    check(actor.getSnapshot() as unknown as MachineSnapshot);
  });

  try {
    await outcome;
    const snapshot = actor.getSnapshot() as unknown as MachineSnapshot;
    const persisted = JSON.stringify(actor.getPersistedSnapshot());
    const ended = snapshot.status === 'done';
    return {
      conversation: { ...base, version, status: ended ? 'ended' : 'active', snapshot: persisted },
      messages,
      node: snapshot.context.node,
      resolution: ended ? snapshot.context.resolution : null,
      vars: snapshot.context.vars,
    };
  } finally {
    clearTimeout(timer);
    actor.stop();
  }
}
