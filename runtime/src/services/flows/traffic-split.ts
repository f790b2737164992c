import { createHash } from 'node:crypto';
import { ParleyError } from '../../errors.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import {
  applyDeployment,
  type DeploymentState,
  type DeploymentView,
  deploymentView,
} from './deployment-writes.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { type TrafficSplit, trafficSplitInput } from './inputs.ts';
import { findDeployment, findFlow, findVersion } from './records.ts';
import { retryOnRace } from './retry-on-race.ts';
import { assertScope } from './scope.ts';

/** The bucket 0..99 a conversation falls in: from a hash of its key, so the same key always lands the same. */
export function trafficBucket(conversationKey: string): number {
  return createHash('sha256').update(conversationKey).digest().readUInt32BE(0) % 100;
}

/**
 * The version a new conversation gets: the split version for keys in the first `splitPercent` buckets,
 * the main version otherwise. Raising the percentage only moves keys towards the split version.
 */
export function pickVersion(deployment: DeploymentState, conversationKey: string): string {
  if (deployment.splitVersionId === null || deployment.splitPercent <= 0) return deployment.versionId;
  return trafficBucket(conversationKey) < deployment.splitPercent
    ? deployment.splitVersionId
    : deployment.versionId;
}

export function trafficSplitMethods({ database, clock }: FlowServiceDeps) {
  const { tables } = database;
  return {
    /**
     * Sends `percent`% of new conversations in `environment` to another version (a canary); a percent
     * of 0 or null ends the split. Running conversations keep their version.
     */
    async setTrafficSplit(
      actor: Principal,
      flowId: string,
      environment: string,
      split: TrafficSplit,
    ): Promise<DeploymentView> {
      const input = parseInput(trafficSplitInput, { ...split, flowId, environment });
      assertScope(actor, input.flowId, input.environment);
      return retryOnRace(`the ${input.environment} deployment`, () =>
        database.transaction(async (tx) => {
          await findFlow(tx, tables, input.flowId);
          const current = await findDeployment(tx, tables, input.flowId, input.environment);
          if (!current) {
            throw new ParleyError(
              'PRECONDITION_FAILED',
              `nothing is deployed to ${input.environment} for flow "${input.flowId}"; deploy a version there before splitting its traffic`,
            );
          }
          let next: DeploymentState = { versionId: current.versionId, splitVersionId: null, splitPercent: 0 };
          if (input.percent && input.versionNumber) {
            const version = await findVersion(tx, tables, input.flowId, input.versionNumber);
            if (version.id === current.versionId) {
              throw new ParleyError(
                'BAD_REQUEST',
                `version ${version.number} is already the main version in ${input.environment}; split traffic to another version`,
              );
            }
            next = { ...next, splitVersionId: version.id, splitPercent: input.percent };
          }
          // Asking for what is already so is not a change: nothing to record.
          if (next.splitVersionId === current.splitVersionId && next.splitPercent === current.splitPercent) {
            return deploymentView(tx, tables, current);
          }
          return applyDeployment(
            tx,
            tables,
            actor,
            {
              flowId: input.flowId,
              environment: input.environment,
              action: 'split',
              current,
              fromVersionId: current.versionId,
              next,
            },
            clock.now(),
          );
        }),
      );
    },
  };
}
