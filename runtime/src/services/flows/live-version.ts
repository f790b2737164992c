import { ParleyError } from '../../errors.ts';
import { parseInput } from '../parse-input.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { liveVersionInput } from './inputs.ts';
import { findDeployment, findFlow, findVersionById } from './records.ts';
import { pickVersion } from './traffic-split.ts';
import { type VersionView, versionView } from './versions.ts';

export type LiveVersion = VersionView & {
  environment: string;
  /** True when a traffic split chose this version rather than the main one. */
  split: boolean;
};

export function liveVersionMethods({ database }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /**
     * The version a new conversation in `environment` gets. With a conversation key, a traffic split
     * picks the side, the same for the same key every time; without one, the main version.
     */
    async liveVersion(flowId: string, environment: string, conversationKey?: string): Promise<LiveVersion> {
      const input = parseInput(liveVersionInput, { flowId, environment, conversationKey });
      await findFlow(db, tables, input.flowId);
      const deployment = await findDeployment(db, tables, input.flowId, input.environment);
      if (!deployment) {
        throw new ParleyError(
          'NOT_FOUND',
          `nothing is deployed to ${input.environment} for flow "${input.flowId}"; deploy a version there first`,
        );
      }
      const versionId =
        input.conversationKey === undefined
          ? deployment.versionId
          : pickVersion(deployment, input.conversationKey);
      const version = await versionView(db, tables, await findVersionById(db, tables, versionId));
      return { ...version, environment: input.environment, split: versionId !== deployment.versionId };
    },
  };
}
