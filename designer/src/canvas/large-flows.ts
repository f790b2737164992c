import type { FlowDocument } from '@parley/shared';

/**
 * Beyond this many nodes the canvas opens on the flow's beginning at a readable zoom and renders only the
 * cards in view: fitting 2,000 cards at once means drawing all of them at a size nobody can read
 * (`pnpm bench designer`).
 */
export const LARGE_FLOW_NODES = 300;
/** Cards framed when a large flow opens: Start and what follows it, breadth first. */
const OPENING_NODES = 12;

/** The first nodes of the flow from Start, following edges breadth first. */
export function openingNodes(flow: FlowDocument, count = OPENING_NODES): { id: string }[] {
  const start = flow.nodes.find((n) => n.type === 'start') ?? flow.nodes[0];
  if (!start) return [];
  const next = new Map<string, string[]>();
  for (const edge of flow.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set([start.id]);
  const queue = [start.id];
  for (let i = 0; i < queue.length && seen.size < count; i++) {
    for (const target of next.get(queue[i] ?? '') ?? []) {
      if (seen.size >= count) break;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].map((id) => ({ id }));
}
