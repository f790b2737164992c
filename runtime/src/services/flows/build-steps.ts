import type { FlowDocument } from '@parley/shared';

/**
 * Work a node kind needs done once per published version rather than per turn, e.g. training an NLU
 * model from the flow's intents. Its output is stored with the version under `name`.
 */
export type BuildStep = {
  name: string;
  run(flow: FlowDocument): Promise<Record<string, unknown>>;
};

/** The build steps of every node kind. None yet: NLU training plugs in here. */
export const buildSteps: readonly BuildStep[] = [];
