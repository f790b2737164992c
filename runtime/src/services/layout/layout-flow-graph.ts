import { type LayoutGraph, type LayoutPositions, layoutGraphSchema } from '@parley/shared';
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { parseInput } from '../parse-input.ts';

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  // Inputs are on the left of a card and outputs on the right, so the flow reads left to right.
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
  'elk.spacing.componentComponent': '80',
  // Loops (a retry going back to an ask) are reversed starting from Start, so the main path stays forward.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  // Ties are broken by the order nodes and edges are given in, so the same flow gets the same layout.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

const inPort = (nodeId: string) => `${nodeId}\u0000in`;
const outPort = (nodeId: string, port: string) => `${nodeId}\u0000out\u0000${port}`;

function toElkGraph(graph: LayoutGraph): ElkNode {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const children: ElkNode[] = graph.nodes.map((node) => ({
    id: node.id,
    width: node.width,
    height: node.height,
    // FIXED_ORDER keeps outputs in the card's order, so edges from the first port go to the upper
    // targets and do not cross on their way out.
    layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    ports: [
      ...(node.input
        ? [{ id: inPort(node.id), width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } }]
        : []),
      ...[...new Set(node.outputs)].map((port, index) => ({
        id: outPort(node.id, port),
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
      })),
    ],
  }));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => nodes.has(e.source) && nodes.has(e.target))
    .map((edge, index) => {
      const source = nodes.get(edge.source);
      const target = nodes.get(edge.target);
      return {
        id: `e${index}`,
        sources: [source?.outputs.includes(edge.port) ? outPort(edge.source, edge.port) : edge.source],
        targets: [target?.input ? inPort(edge.target) : edge.target],
      };
    });
  return { id: '\u0000root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

const elk = new ELK();

/**
 * Arranges a flow's cards left to right in layers (ELK's layered algorithm). It runs on the server: ELK
 * is 1.6 MB of JavaScript, more than the designer may load in one piece.
 */
export async function layoutFlowGraph(raw: LayoutGraph): Promise<LayoutPositions> {
  const graph = parseInput(layoutGraphSchema, raw);
  if (graph.nodes.length === 0) return [];
  const result = await elk.layout(toElkGraph(graph));
  return (result.children ?? []).map((c) => ({ id: c.id, x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }));
}
