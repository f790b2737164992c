import type { FlowDocument, JsonValue } from '@parley/shared';
import type { TurnResult } from '../../engine/index.ts';
import type { SimulatorAnswer } from './simulator-inputs.ts';

/** What a sensitive variable shows in the simulator: that it holds something, not what. */
export const MASKED = '••••';

/**
 * The variables with those the flow marks `sensitive` masked: the simulator's variable panel may be on
 * a shared screen, and sensitive values are never shown unmasked (see the flow document's `sensitive`).
 * A variable that is still null stays null, so the panel shows whether it has been filled in.
 */
export function maskedVars(flow: FlowDocument, vars: Record<string, JsonValue>): Record<string, JsonValue> {
  const sensitive = new Set(flow.variables.filter((v) => v.sensitive).map((v) => v.name));
  const shown: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(vars))
    shown[name] = sensitive.has(name) && value !== null ? MASKED : value;
  return shown;
}

/** One simulator answer from the engine's result; `turn` is 0 for the start. */
export function simulatorAnswer(result: TurnResult, turn: number): SimulatorAnswer {
  const { conversation } = result;
  return {
    session: {
      snapshot: conversation.snapshot,
      channel: conversation.channel,
      locale: conversation.locale,
      status: conversation.status,
      turn,
    },
    messages: result.messages,
    node: result.node,
    vars: maskedVars(conversation.version.flow, result.vars),
    resolution: result.resolution,
    turn,
  };
}
