import { and, eq } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Db, Tables } from '../../store/database.ts';
import { type DeploymentState, pickVersion } from '../flows/index.ts';

/**
 * The version a new conversation in `environment` gets, chosen by the deployment's traffic split from
 * the conversation id. One read of the deployment row: starts are the hot path, so this does not go
 * through the flow service's `liveVersion` (which also loads the flow and the version's summary).
 */
export async function deployedVersion(
  db: Db,
  tables: Tables,
  flowId: string,
  environment: string,
  conversationId: string,
): Promise<{ versionId: string; split: boolean }> {
  const { deployments } = tables;
  const [deployment] = await db
    .select({
      versionId: deployments.versionId,
      splitVersionId: deployments.splitVersionId,
      splitPercent: deployments.splitPercent,
    })
    .from(deployments)
    .where(and(eq(deployments.flowId, flowId), eq(deployments.environment, environment)));
  if (!deployment) {
    throw new ParleyError(
      'NOT_FOUND',
      `nothing is deployed to ${environment} for flow "${flowId}"; deploy a version there first`,
      { flowId, environment },
    );
  }
  const versionId = pickVersion(deployment satisfies DeploymentState, conversationId);
  return { versionId, split: versionId !== deployment.versionId };
}
