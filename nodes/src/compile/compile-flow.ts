import {
  type FlowDocument,
  type FlowDocumentInput,
  flowDocumentSchema,
  type JsonValue,
} from '@parley/shared';
import {
  type MachineConfig,
  type StateConfig,
  type TransitionConfig,
  WAITING_TAG,
} from '../core/machine-config.ts';
import type { FlowContext } from '../machine/flow-context.ts';
import { isNodeKind, nodeDefinitions } from '../registry.ts';
import {
  BOOT_STATE,
  type CompileContext,
  CompileError,
  END_STATE_ID,
  HANGUP_STATE_ID,
  stateTarget,
} from './compile-context.ts';
import { compileNodeConfig } from './node-compilers.ts';

export const MACHINE_ID = 'flow';

/** Unguarded eventless transitions get the step budget, so a busy loop stops instead of hanging the turn. */
function withBudget(transitions: TransitionConfig[] | undefined): TransitionConfig[] | undefined {
  return transitions?.map((t) => (t.guard ? t : { ...t, guard: { type: 'parley.withinBudget' } }));
}

/**
 * An edge back into the same node must run the node again: XState treats a transition to the own state
 * (or an ancestor) as internal unless `reenter` is set, which would skip entry actions and the step count.
 */
function reenterSelf(transitions: TransitionConfig[], self: string): TransitionConfig[] {
  return transitions.map((t) => (t.target === self ? { ...t, reenter: true } : t));
}

function finishState(state: StateConfig, self: string): StateConfig {
  const states = state.states
    ? Object.fromEntries(Object.entries(state.states).map(([key, child]) => [key, finishState(child, self)]))
    : undefined;
  const on = state.on
    ? Object.fromEntries(Object.entries(state.on).map(([event, ts]) => [event, reenterSelf(ts, self)]))
    : undefined;
  return {
    ...state,
    ...(state.always ? { always: reenterSelf(withBudget(state.always) ?? [], self) } : {}),
    ...(on ? { on } : {}),
    ...(states ? { states } : {}),
  };
}

function initialContext(flow: FlowDocument): FlowContext {
  const [fallbackLocale = 'en'] = flow.languages;
  return {
    vars: Object.fromEntries(flow.variables.map((v) => [v.name, (v.initial ?? null) as JsonValue])),
    channel: 'web',
    locale: fallbackLocale,
    fallbackLocale,
    node: null,
    steps: 0,
    maxSteps: flow.settings.limits.maxStepsPerTurn,
    attempts: {},
    resolution: null,
    lastError: null,
  };
}

/**
 * Compiles a flow into a plain-JSON XState v5 machine config: one state per node, ids equal to node ids,
 * implementations named by string. Validate first: this throws CompileError on the first problem.
 */
export function compileFlow(input: FlowDocument | FlowDocumentInput): MachineConfig {
  const parsed = flowDocumentSchema.safeParse(input);
  if (!parsed.success)
    throw new CompileError(`the flow document is invalid: ${parsed.error.issues[0]?.message}`);
  const flow = parsed.data;
  const starts = flow.nodes.filter((n) => n.type === 'start');
  const [start] = starts;
  if (!start || starts.length > 1) throw new CompileError('a flow needs exactly one start node');
  const nodeIds = new Set(flow.nodes.map((n) => n.id));

  const states: Record<string, StateConfig> = {
    [BOOT_STATE]: {
      on: { 'parley.start': [{ target: stateTarget(start.id), actions: [{ type: 'parley.boot' }] }] },
    },
  };
  for (const node of flow.nodes) {
    if (!isNodeKind(node.type)) throw new CompileError(`unknown node kind "${node.type}"`, node.id);
    if (node.id.startsWith('__')) throw new CompileError(`node id "${node.id}" is reserved`, node.id);
    const definition = nodeDefinitions[node.type];
    const config = definition.configSchema.safeParse(node.data);
    if (!config.success) {
      throw new CompileError(
        `node "${node.id}" has an invalid config: ${config.error.issues[0]?.message}`,
        node.id,
      );
    }
    const ctx: CompileContext = {
      nodeId: node.id,
      flow,
      port(port) {
        const edges = flow.edges.filter((e) => e.source === node.id && e.sourcePort === port);
        if (edges.length > 1)
          throw new CompileError(`port "${port}" of node "${node.id}" has two edges`, node.id);
        const target = edges[0]?.target;
        if (target !== undefined && !nodeIds.has(target)) {
          throw new CompileError(`an edge from "${node.id}" leads to missing node "${target}"`, node.id);
        }
        return target === undefined ? undefined : stateTarget(target);
      },
      requiredPort(port) {
        const target = ctx.port(port);
        if (!target) throw new CompileError(`port "${port}" of node "${node.id}" is not connected`, node.id);
        return target;
      },
    };
    const state = finishState(compileNodeConfig(node.type, config.data, ctx), stateTarget(node.id));
    states[node.id] = {
      ...state,
      id: node.id,
      entry: [{ type: 'parley.enter', params: { nodeId: node.id } }, ...(state.entry ?? [])],
      meta: { kind: node.type, version: definition.version },
    };
  }
  states[END_STATE_ID] = {
    id: END_STATE_ID,
    type: 'final',
    entry: [{ type: 'parley.resolve', params: { status: 'unresolved' } }],
  };
  states[HANGUP_STATE_ID] = {
    id: HANGUP_STATE_ID,
    type: 'final',
    entry: [{ type: 'parley.resolve', params: { status: 'abandoned' } }],
  };

  return {
    id: MACHINE_ID,
    initial: BOOT_STATE,
    context: initialContext(flow) as unknown as MachineConfig['context'],
    on: { 'user.hangup': [{ target: stateTarget(HANGUP_STATE_ID) }] },
    states,
  };
}

export { WAITING_TAG };
