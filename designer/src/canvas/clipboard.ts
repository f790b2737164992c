import type { FlowDocument, FlowEdge, FlowNode } from '@parley/shared';
import { canAddKind } from './document-edits.ts';
import { edgeIdFor, nextNodeId } from './node-ids.ts';

/** Copied nodes with the edges running between them; edges leaving the copy would dangle once pasted. */
export type Clipboard = { nodes: FlowNode[]; edges: FlowEdge[] };

export const PASTE_OFFSET = 40;

export function copyNodes(flow: FlowDocument, ids: Iterable<string>): Clipboard {
  const wanted = new Set(ids);
  const nodes = flow.nodes.filter((n) => wanted.has(n.id));
  const edges = flow.edges.filter((e) => wanted.has(e.source) && wanted.has(e.target));
  // Copied out of the document so later edits to the originals do not leak into what gets pasted.
  return structuredClone({ nodes, edges });
}

/**
 * Pasted nodes get fresh ids and sit `offset` away from the originals. A second Start is left out:
 * a flow has exactly one.
 */
export function pasteNodes(
  flow: FlowDocument,
  clipboard: Clipboard,
  offset: number = PASTE_OFFSET,
): { flow: FlowDocument; ids: string[] } {
  const renamed = new Map<string, string>();
  const nodes: FlowNode[] = [];
  let scope: Pick<FlowDocument, 'nodes'> = flow;
  for (const node of clipboard.nodes) {
    if (!canAddKind(scope, node.type)) continue;
    const id = nextNodeId(scope, node.type);
    renamed.set(node.id, id);
    const pasted: FlowNode = {
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    };
    nodes.push(pasted);
    scope = { nodes: [...scope.nodes, pasted] };
  }
  const edges: FlowEdge[] = [];
  for (const edge of clipboard.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) continue;
    edges.push({
      id: edgeIdFor({ edges: [...flow.edges, ...edges] }, source, edge.sourcePort),
      source,
      sourcePort: edge.sourcePort,
      target,
    });
  }
  if (nodes.length === 0) return { flow, ids: [] };
  return {
    flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}
