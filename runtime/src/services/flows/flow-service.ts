import { deployPreviewMethods } from './deploy-preview.ts';
import { deploymentMethods } from './deployments.ts';
import { diffMethods } from './diff-methods.ts';
import { draftMethods } from './draft.ts';
import { flowCrudMethods } from './flow-crud.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { flowListMethods } from './flow-list.ts';
import { liveVersionMethods } from './live-version.ts';
import { publishMethods } from './publish.ts';
import { trafficSplitMethods } from './traffic-split.ts';
import { versionMethods } from './versions.ts';

/**
 * Flows from draft to production: drafts with revisions, immutable published versions, deployments per
 * environment with rollback and traffic splits, diffs and rollout previews. Methods that change
 * something take the acting principal first and write an audit record in the same transaction.
 */
export function createFlowService(deps: FlowServiceDeps) {
  return {
    ...flowCrudMethods(deps),
    ...flowListMethods(deps),
    ...draftMethods(deps),
    ...publishMethods(deps),
    ...versionMethods(deps),
    ...deploymentMethods(deps),
    ...trafficSplitMethods(deps),
    ...liveVersionMethods(deps),
    ...diffMethods(deps),
    ...deployPreviewMethods(deps),
  };
}

export type FlowService = ReturnType<typeof createFlowService>;
