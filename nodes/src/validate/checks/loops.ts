import { definitionOf, nodeKinds } from '../../registry.ts';
import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph, GraphNode } from '../flow-graph.ts';
import { stronglyConnectedComponents } from '../strongly-connected.ts';

const waitingKinds = nodeKinds.filter((kind) => definitionOf(kind).waitsForInput);

/** Shortest way round from `start` back to itself inside one component, so the message shows a real loop. */
function cycleThrough(
  start: number,
  members: ReadonlySet<number>,
  successors: readonly number[][],
): number[] {
  const cameFrom = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head] as number;
    for (const next of successors[vertex] ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [vertex];
        for (let at = vertex; at !== start; ) {
          at = cameFrom.get(at) as number;
          path.push(at);
        }
        return path.reverse();
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, vertex);
      queue.push(next);
    }
  }
  return [start];
}

/**
 * `busy-loop`: a cycle through nodes that never wait for the user runs again and again within one turn,
 * until the step budget stops it.
 */
export function checkLoops(graph: FlowGraph): FlowDiagnostic[] {
  const busy = [...graph.byId.values()].filter((node) => node.definition?.waitsForInput === false);
  const position = new Map(busy.map((node, i) => [node.id, i]));
  const successors: number[][] = busy.map(() => []);
  for (const link of graph.links) {
    const from = position.get(link.value.source);
    const to = position.get(link.value.target);
    if (from !== undefined && to !== undefined) successors[from]?.push(to);
  }

  const found: FlowDiagnostic[] = [];
  for (const component of stronglyConnectedComponents(successors)) {
    const [only] = component;
    const selfLoop = component.length === 1 && only !== undefined && successors[only]?.includes(only);
    if (component.length < 2 && !selfLoop) continue;
    // Spreading a huge component into Math.min would overflow the argument list.
    const first = component.reduce((a, b) => Math.min(a, b));
    const cycle = cycleThrough(first, new Set(component), successors).map((i) => busy[i] as GraphNode);
    const head = cycle[0] as GraphNode;
    const shown = cycle.slice(0, 12).map((node) => `"${node.id}" (${node.kind})`);
    if (cycle.length > 12) shown.push(`${cycle.length - 12} more`);
    const others = component.length - cycle.length;
    found.push(
      diagnostic(
        'busy-loop',
        `${shown.join(' → ')} → "${head.id}" form a loop in which no node waits for the user` +
          `${others > 0 ? ` (${others} more nodes are part of it)` : ''}, so one turn could run it until the step ` +
          `budget stops the conversation. Put a node that waits for input (${waitingKinds.join(', ')}) in the loop, ` +
          'or change an edge so the loop ends.',
        { nodeId: head.id },
      ),
    );
  }
  return found;
}
