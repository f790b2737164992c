import type { FlowDocument } from '@parley/shared';
import { and, count, eq, inArray } from 'drizzle-orm';
import { parseInput } from '../parse-input.ts';
import { changesBehaviour, diffFlows } from './diff.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { storedFlow } from './flow-document.ts';
import { deployPreviewInput } from './inputs.ts';
import { findDeployment, findFlow, findVersion, findVersionById } from './records.ts';

export type NodeImpact = { nodeId: string; change: 'changed' | 'removed'; conversations: number };

export type DeployPreview = {
  /** The main version live now, null when nothing is deployed. */
  current: number | null;
  /** The version a traffic split sends conversations to, if any. */
  split: number | null;
  target: number;
  /** Active conversations waiting in a node the target version changes or removes, most first. */
  affected: NodeImpact[];
  /** Active conversations whose node the target version leaves as it is. */
  unaffected: number;
};

/**
 * How each node of `from` fares in `to`: removed, or changed in what it does, which includes where its
 * edges lead. Nodes that only moved on the canvas are not changed for a conversation.
 */
export function nodeImpacts(from: FlowDocument, to: FlowDocument): Map<string, NodeImpact['change']> {
  const diff = diffFlows(from, to);
  const impacts = new Map<string, NodeImpact['change']>();
  for (const change of diff.nodes.changed) if (changesBehaviour(change)) impacts.set(change.id, 'changed');
  const sourceOf = (edgeId: string, document: FlowDocument) =>
    document.edges.find((e) => e.id === edgeId)?.source;
  const rewired = [
    ...diff.edges.added.map((e) => e.source),
    ...diff.edges.removed.map((e) => e.source),
    ...diff.edges.changed.flatMap((e) => [sourceOf(e.id, from), sourceOf(e.id, to)]),
  ];
  for (const nodeId of rewired) if (nodeId !== undefined) impacts.set(nodeId, 'changed');
  for (const node of diff.nodes.removed) impacts.set(node.id, 'removed');
  return impacts;
}

export function deployPreviewMethods({ database }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /**
     * What deploying `versionNumber` to `environment` touches: the active conversations on the live
     * version (and its split version) that wait in a node the new version changes or removes.
     */
    async deployPreview(flowId: string, environment: string, versionNumber: number): Promise<DeployPreview> {
      const input = parseInput(deployPreviewInput, { flowId, environment, versionNumber });
      await findFlow(db, tables, input.flowId);
      const target = await findVersion(db, tables, input.flowId, input.versionNumber);
      const deployment = await findDeployment(db, tables, input.flowId, input.environment);
      if (!deployment)
        return { current: null, split: null, target: target.number, affected: [], unaffected: 0 };

      const sources = await Promise.all(
        [deployment.versionId, deployment.splitVersionId].flatMap((id) =>
          id === null ? [] : [findVersionById(db, tables, id)],
        ),
      );
      const c = tables.conversations;
      const waiting = await db
        .select({ versionId: c.versionId, node: c.node, conversations: count() })
        .from(c)
        .where(
          and(
            eq(c.flowId, input.flowId),
            eq(c.environment, input.environment),
            eq(c.status, 'active'),
            inArray(
              c.versionId,
              sources.map((s) => s.id),
            ),
          ),
        )
        .groupBy(c.versionId, c.node);

      const targetFlow = storedFlow(target.flow);
      const impactsBySource = new Map(
        sources.map((s) => [
          s.id,
          s.id === target.id
            ? new Map<string, NodeImpact['change']>()
            : nodeImpacts(storedFlow(s.flow), targetFlow),
        ]),
      );
      const affected = new Map<string, NodeImpact>();
      let unaffected = 0;
      for (const row of waiting) {
        const change = row.node === null ? undefined : impactsBySource.get(row.versionId)?.get(row.node);
        if (row.node === null || change === undefined) {
          unaffected += row.conversations;
          continue;
        }
        const entry = affected.get(row.node) ?? { nodeId: row.node, change, conversations: 0 };
        entry.conversations += row.conversations;
        affected.set(row.node, entry);
      }
      const [main, split] = sources;
      return {
        current: main?.number ?? null,
        split: deployment.splitVersionId === null ? null : (split?.number ?? null),
        target: target.number,
        affected: [...affected.values()].sort(
          (x, y) => y.conversations - x.conversations || x.nodeId.localeCompare(y.nodeId),
        ),
        unaffected,
      };
    },
  };
}
