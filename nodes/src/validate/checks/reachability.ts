import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph, GraphNode } from '../flow-graph.ts';

/** `unreachable-node`: nodes no conversation can get to from the start, usually a forgotten edge. */
export function checkReachability(graph: FlowGraph): FlowDiagnostic[] {
  // Without every node and edge, or without a start, "unreachable" would be a guess.
  if (!graph.read.nodesComplete || !graph.read.edgesComplete) return [];
  const starts = [...graph.byId.values()].filter((node) => node.kind === 'start');
  if (starts.length === 0) return [];

  const next = new Map<string, string[]>();
  for (const link of graph.links) {
    const targets = next.get(link.value.source);
    if (targets) targets.push(link.value.target);
    else next.set(link.value.source, [link.value.target]);
  }
  const reached = new Set<string>(starts.map((node) => node.id));
  const queue = [...reached];
  for (let head = 0; head < queue.length; head++) {
    for (const target of next.get(queue[head] as string) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  const unreached = (node: GraphNode) => !reached.has(node.id);
  return [...graph.byId.values()]
    .filter(unreached)
    .map((node) =>
      diagnostic(
        'unreachable-node',
        `${node.label} cannot be reached from the start node: connect an edge to it, or delete it if it is not needed.`,
        { nodeId: node.id },
      ),
    );
}
