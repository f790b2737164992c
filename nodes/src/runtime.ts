/** Server-only entry: node implementations and machine loading. Never import from the designer. */
export {
  createFlowMachine,
  createImplementations,
  type FlowMachine,
  nodeRuntimes,
} from './machine/create-flow-machine.ts';
export type { BotMessageEmitted, FlowContext, FlowEvent } from './machine/flow-context.ts';
export type { RuntimeDeps } from './machine/implementation-helpers.ts';
