import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { FlowDocument } from '@parley/shared';
import { type Conversation, startConversation, turnParsed } from '../../engine/index.ts';
import { ParleyError } from '../../errors.ts';
import { parseFlowDocument } from '../flows/flow-document.ts';
import type { FlowService } from '../flows/index.ts';
import { assertScope } from '../flows/scope.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { DraftVersions } from './draft-versions.ts';
import { restorableSnapshot, simulationEnded } from './restore-snapshot.ts';
import { simulatorAnswer } from './simulator-answer.ts';
import {
  type SimulatorAnswer,
  type SimulatorSendInput,
  type SimulatorStartInput,
  simulatorSendInput,
  simulatorStartInput,
} from './simulator-inputs.ts';

export type SimulatorServiceOptions = {
  /** Where the saved draft comes from when a call sends none; also tells a missing flow (NOT_FOUND). */
  flows: Pick<FlowService, 'get'>;
  /** The conversation service's, so a simulated HTTP node calls out exactly as in production. */
  runtimeDeps?: Partial<RuntimeDeps>;
  /** Compiled drafts kept in memory. */
  cacheSize?: number;
};

/**
 * The simulator: the designer chats with a flow's draft, unsaved edits included, without publishing it.
 *
 * Stateless. The client holds the session (the engine's snapshot) and sends it back with each event;
 * nothing is written to the database, so a simulation leaves no conversation, transcript, analytics
 * event or timer behind. Timers therefore never fire by themselves: the designer sends `timer.no-input`
 * to try a no-input reprompt.
 *
 * Each call runs the draft it is given (or the saved one), compiled once per distinct draft (see
 * DraftVersions). A session started on one draft may go on with an edited one as long as the edit keeps
 * the node it waits at; otherwise the answer asks to restart (see restorableSnapshot).
 */
export function createSimulatorService(options: SimulatorServiceOptions) {
  const drafts = new DraftVersions(options.runtimeDeps, options.cacheSize);

  /** The draft to run: the one given, which must be this flow's, or the saved one. */
  async function draftOf(actor: Principal, flowId: string, given: unknown): Promise<FlowDocument> {
    assertScope(actor, flowId);
    // The input is checked before the store is read, so a bad draft is told as such even for a typo'd id.
    const flow = given === undefined ? undefined : parseFlowDocument(given, 'flow');
    if (flow && flow.id !== flowId) {
      throw new ParleyError(
        'BAD_REQUEST',
        `flow.id: the draft's id "${flow.id}" is not this flow's id "${flowId}"; was it meant for another flow?`,
      );
    }
    // Read even when a draft is given: simulating a flow that does not exist (or was deleted) is a mistake.
    const saved = await options.flows.get(flowId);
    return flow ?? saved.draft;
  }

  return {
    /** Starts a simulated conversation and runs it to its first wait. */
    async start(actor: Principal, raw: SimulatorStartInput): Promise<SimulatorAnswer> {
      const input = parseInput(simulatorStartInput, raw);
      const version = drafts.load(await draftOf(actor, input.flowId, input.flow));
      const result = await startConversation(version, {
        channel: input.channel,
        ...(input.locale ? { locale: input.locale } : {}),
      });
      return simulatorAnswer(result, 0);
    },

    /** Runs one end-user event from the session the last answer returned. */
    async send(actor: Principal, raw: SimulatorSendInput): Promise<SimulatorAnswer> {
      const input = parseInput(simulatorSendInput, raw);
      const { session } = input;
      if (session.status === 'ended') throw simulationEnded();
      const version = drafts.load(await draftOf(actor, input.flowId, input.flow));
      const conversation: Conversation = {
        version,
        channel: session.channel,
        locale: session.locale,
        status: 'active',
        snapshot: restorableSnapshot(version, session.snapshot),
      };
      const result = await turnParsed(conversation, input.event);
      return simulatorAnswer(result, session.turn + 1);
    },

    /** Compiled drafts in memory, for health reporting and tests. */
    get cachedDrafts(): number {
      return drafts.size;
    },
  };
}

export type SimulatorService = ReturnType<typeof createSimulatorService>;
