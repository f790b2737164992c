import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph } from '../flow-graph.ts';

/** `duplicate-node-id`, `duplicate-edge-id`: ids name states and designer elements, so each must be unique. */
export function checkIds(graph: FlowGraph): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  for (const node of graph.nodes) {
    if (!node.duplicate) continue;
    const first = graph.byId.get(node.id);
    found.push(
      diagnostic(
        'duplicate-node-id',
        `${node.label} (node ${node.index + 1} in the list) has the same id as ${first?.label ?? 'an earlier node'}; ` +
          'node ids must be unique, so rename one of them.',
        { nodeId: node.id },
      ),
    );
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      const { source, sourcePort, target } = edge.value;
      found.push(
        diagnostic(
          'duplicate-edge-id',
          `edge "${edge.id}" (from "${source}" port "${sourcePort}" to "${target}") has the same id as an earlier edge; ` +
            'edge ids must be unique, so rename one of them.',
          { edgeId: edge.id },
        ),
      );
    }
    edgeIds.add(edge.id);
  }
  return found;
}
