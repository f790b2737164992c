import { WAITING_TAG } from '@parley/nodes';
import type { JsonValue } from '@parley/shared';
import { z } from 'zod';
import type { LoadedVersion } from '../../engine/index.ts';
import { ParleyError } from '../../errors.ts';

type StateValue = string | { [state: string]: StateValue };
const stateValue: z.ZodType<StateValue> = z.lazy(() =>
  z.union([z.string(), z.record(z.string(), stateValue)]),
);

/**
 * XState's persisted snapshot of a flow machine at rest. The client holds it between turns, so it is
 * read like any other input: the engine trusts a snapshot it wrote itself, this one may have been edited.
 */
const persistedSnapshot = z.object({
  status: z.enum(['active', 'done', 'error', 'stopped']),
  value: stateValue,
  historyValue: z.record(z.string(), z.unknown()).optional(),
  // Loose: fields the engine adds later pass through rather than being dropped.
  context: z.looseObject({
    vars: z.record(z.string(), z.json()),
    channel: z.string(),
    locale: z.string(),
    fallbackLocale: z.string(),
    node: z.string().nullable(),
    steps: z.number().int().min(0),
    maxSteps: z.number(),
    attempts: z.record(z.string(), z.number().int().min(0)),
    resolution: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  children: z.record(z.string(), z.unknown()),
});

const RESTART = 'restart the simulation';

function cannotRestore(reason: string): ParleyError {
  return new ParleyError('BAD_REQUEST', `the simulated conversation cannot go on: ${reason}; ${RESTART}`);
}

export function simulationEnded(): ParleyError {
  return new ParleyError('PRECONDITION_FAILED', `the simulated conversation has ended; ${RESTART}`);
}

function parsed(text: string): z.output<typeof persistedSnapshot> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw cannotRestore('the session snapshot is not JSON');
  }
  const result = persistedSnapshot.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the snapshot';
    throw cannotRestore(`the session snapshot is not one the simulator made (${where}: ${issue?.message})`);
  }
  return result.data;
}

/**
 * The snapshot text the engine may restore `version` from, or a refusal: BAD_REQUEST when it was
 * tampered with or the draft no longer has the place it rests at (a node deleted since), PRECONDITION_FAILED
 * when the conversation has ended. Edits that keep that place are fine: the session goes on with the new
 * draft, which is the point of simulating while editing.
 */
export function restorableSnapshot(version: LoadedVersion, text: string): string {
  const snapshot = parsed(text);
  if (snapshot.status === 'done') throw simulationEnded();
  if (snapshot.status !== 'active') throw cannotRestore(`the session snapshot is ${snapshot.status}`);
  // Flow machines have no history states and nothing runs at rest: anything here would be restored
  // and started by XState from names the client chose.
  if (Object.keys(snapshot.historyValue ?? {}).length > 0 || Object.keys(snapshot.children).length > 0) {
    throw cannotRestore('the session snapshot is not one the simulator made (it has running actors)');
  }

  const { flow } = version;
  const vars: Record<string, JsonValue> = { ...snapshot.context.vars };
  // Variables declared since the session started get their initial value, as a new conversation would.
  // hasOwn, not `in`: a variable named `constructor` is inherited by every object.
  for (const variable of flow.variables) {
    if (!Object.hasOwn(vars, variable.name)) vars[variable.name] = (variable.initial ?? null) as JsonValue;
  }
  // The step budget is the draft's, whatever the snapshot says: it is what stops a loop within one turn.
  const context = { ...snapshot.context, vars, maxSteps: flow.settings.limits.maxStepsPerTurn };

  let waiting: boolean;
  try {
    const state = version.machine.resolveState({ value: snapshot.value, context });
    waiting = state.hasTag(WAITING_TAG);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw cannotRestore(`the draft no longer has the place the conversation was at (${reason})`);
  }
  if (!waiting) {
    const at = snapshot.context.node ? ` at node "${snapshot.context.node}"` : '';
    throw cannotRestore(`the conversation was at a step${at} that does not wait for the user in this draft`);
  }
  return JSON.stringify({ status: 'active', value: snapshot.value, historyValue: {}, context, children: {} });
}
