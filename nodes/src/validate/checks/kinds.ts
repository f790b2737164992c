import { nodeKinds } from '../../registry.ts';
import { didYouMean } from '../closest-name.ts';
import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph } from '../flow-graph.ts';
import { issueText } from '../zod-issues.ts';

/** `unknown-kind`, `invalid-config`: every node must be a kind Parley knows, configured the way it expects. */
export function checkKinds(graph: FlowGraph): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  for (const node of graph.nodes) {
    if (!node.definition) {
      const hint = didYouMean(node.kind, nodeKinds) || ` Known kinds: ${nodeKinds.join(', ')}.`;
      found.push(
        diagnostic(
          'unknown-kind',
          `${node.label}: "${node.kind}" is not a node kind.${hint} Change the node's type.`,
          { nodeId: node.id },
        ),
      );
      continue;
    }
    for (const issue of node.configIssues) {
      found.push(
        diagnostic('invalid-config', `${node.label}: ${issueText(issue, ['data'])}`, { nodeId: node.id }),
      );
    }
  }
  return found;
}
