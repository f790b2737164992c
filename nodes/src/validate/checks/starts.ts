import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph } from '../flow-graph.ts';

/** `no-start`, `multiple-starts`: a conversation begins at exactly one start node. */
export function checkStarts(graph: FlowGraph): FlowDiagnostic[] {
  // With nodes lost to document errors, the start may be among them: say nothing rather than guess.
  if (!graph.read.nodesComplete) return [];
  const starts = graph.nodes.filter((node) => node.kind === 'start' && !node.duplicate);
  const [first, ...others] = starts;
  if (!first) {
    return [
      diagnostic(
        'no-start',
        'the flow has no start node: add a node of type "start" and connect its "next" port to the first step.',
      ),
    ];
  }
  return others.map((node) =>
    diagnostic(
      'multiple-starts',
      `${node.label} is a second start node (${first.label} is the first); a flow has exactly one, so delete one.`,
      { nodeId: node.id },
    ),
  );
}
