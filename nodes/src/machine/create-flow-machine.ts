import { setup } from 'xstate';
import { askRuntime } from '../ask/runtime.ts';
import { choiceRuntime } from '../choice/runtime.ts';
import { conditionRuntime } from '../condition/runtime.ts';
import type { MachineConfig } from '../core/machine-config.ts';
import { endRuntime } from '../end/runtime.ts';
import { httpRequestRuntime } from '../http-request/runtime.ts';
import { undiciTransport } from '../http-request/undici-transport.ts';
import { messageRuntime } from '../message/runtime.ts';
import type { NodeKind } from '../registry.ts';
import { setVariableRuntime } from '../set-variable/runtime.ts';
import { startRuntime } from '../start/runtime.ts';
import { commonRuntime } from './common-runtime.ts';
import type { BotMessageEmitted, FlowContext, FlowEvent } from './flow-context.ts';
import type { NodeRuntime, RuntimeDeps } from './implementation-helpers.ts';

/** Server-side implementations per node kind; a kind without one fails to type-check. */
export const nodeRuntimes = {
  start: startRuntime,
  message: messageRuntime,
  choice: choiceRuntime,
  ask: askRuntime,
  condition: conditionRuntime,
  'set-variable': setVariableRuntime,
  'http-request': httpRequestRuntime,
  end: endRuntime,
} satisfies Record<NodeKind, (deps: RuntimeDeps) => NodeRuntime>;

/** All named actions, guards and actors a compiled machine may reference. */
export function createImplementations(deps: RuntimeDeps) {
  const parts: NodeRuntime[] = [
    commonRuntime(deps),
    ...Object.values(nodeRuntimes).map((make) => make(deps)),
  ];
  const guards = Object.assign({}, ...parts.map((p) => p.guards ?? {}));
  return {
    actions: Object.assign({}, ...parts.map((p) => p.actions ?? {})),
    // Every guard also checks the step budget: a condition loop must stop like an unguarded one.
    guards: Object.fromEntries(
      Object.entries(guards).map(([name, guard]) => [
        name,
        (args: { context: FlowContext }, params: unknown) =>
          args.context.steps < args.context.maxSteps &&
          (guard as (a: unknown, p: unknown) => boolean)(args, params),
      ]),
    ),
    actors: Object.assign({}, ...parts.map((p) => p.actors ?? {})),
  };
}

const defaultDeps: RuntimeDeps = {
  http: undiciTransport,
  lookup: async (host) => {
    const { lookup } = await import('node:dns/promises');
    return (await lookup(host, { all: true })).map((a) => a.address);
  },
};

/**
 * Loads a compiled machine config with the node implementations: the only glue the JSON needs.
 * The result is reusable across conversations; per-conversation state lives in snapshots.
 */
export function createFlowMachine(config: MachineConfig, deps: Partial<RuntimeDeps> = {}) {
  const implementations = createImplementations({ ...defaultDeps, ...deps });
  // setup() types implementations against a statically known machine; ours is only known at run time.
  return setup({
    types: {} as { context: FlowContext; events: FlowEvent; emitted: BotMessageEmitted },
    ...(implementations as object),
  }).createMachine(config as never);
}
export type FlowMachine = ReturnType<typeof createFlowMachine>;
