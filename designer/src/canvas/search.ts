import { definitionOf, isNodeKind } from '@parley/nodes';
import type { FlowDocument } from '@parley/shared';
import { essenceOf } from './essence.ts';
import { labels } from './labels.ts';

/** Ids of nodes whose id, kind label or card text contains `query` (case-insensitive), in document order. */
export function searchNodes(flow: FlowDocument, query: string): string[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [];
  return flow.nodes
    .filter((node) => {
      const label = isNodeKind(node.type)
        ? labels.kindLabel(node.type, definitionOf(node.type).meta.label)
        : node.type;
      const haystack = [node.id, label, ...essenceOf(node.type, node.data)].join('\n').toLocaleLowerCase();
      return haystack.includes(needle);
    })
    .map((node) => node.id);
}
