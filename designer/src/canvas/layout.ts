import type { FlowDocument, FlowNode, LayoutGraph, LayoutPositions } from '@parley/shared';
import { CARD_WIDTH } from './document-edits.ts';
import { essenceOf } from './essence.ts';
import { hasInput, portsOf } from './ports.ts';

export type NodeSize = { width: number; height: number };

export type FlowLayoutOptions = {
  /** Sizes the canvas measured, by node id; nodes not in it get an estimate of their card's size. */
  sizes?: ReadonlyMap<string, NodeSize> | undefined;
};

/** Matches the card's layout in canvas.css closely enough to keep estimated cards from overlapping. */
const HEADER_HEIGHT = 28;
const ID_LINE_HEIGHT = 22;
const ESSENCE_LINE_HEIGHT = 17;
const MAX_ESSENCE_LINES = 5; // four lines plus "+n more"
const PORTS_PADDING = 20;
const PORT_ROW_HEIGHT = 23;
const BOTTOM_PADDING = 8;

/** The size a card of this node will roughly have on the canvas, for nodes not measured yet. */
export function estimateCardSize(node: FlowNode, edges: FlowDocument['edges']): NodeSize {
  const lines = Math.min(essenceOf(node.type, node.data).length, MAX_ESSENCE_LINES);
  const ports = portsOf(node, edges).length;
  const height =
    HEADER_HEIGHT +
    ID_LINE_HEIGHT +
    lines * ESSENCE_LINE_HEIGHT +
    (ports > 0 ? PORTS_PADDING + ports * PORT_ROW_HEIGHT : BOTTOM_PADDING);
  return { width: CARD_WIDTH, height };
}

/** Computes positions for a layout graph: the server's `flows.layout`, which runs ELK. */
export type LayoutEngine = (graph: LayoutGraph) => Promise<LayoutPositions>;

/** The flow as auto-layout sees it: card sizes (measured, else estimated), inputs, outputs in card order. */
export function toLayoutGraph(flow: FlowDocument, sizes?: ReadonlyMap<string, NodeSize>): LayoutGraph {
  return {
    nodes: flow.nodes.map((node) => {
      const measured = sizes?.get(node.id);
      const size = measured && measured.width > 0 && measured.height > 0 ? measured : null;
      const { width, height } = size ?? estimateCardSize(node, flow.edges);
      return {
        id: node.id,
        width,
        height,
        input: hasInput(node.type),
        outputs: portsOf(node, flow.edges).map((port) => port.name),
      };
    }),
    edges: flow.edges.map((edge) => ({ source: edge.source, port: edge.sourcePort, target: edge.target })),
  };
}

/**
 * Moves the cards to the positions a layout gave, shifted so the flow starts where its old top-left corner
 * was. Only positions change, in whole pixels; the same document comes back when nothing moves, so an
 * already tidy flow adds no undo step.
 */
export function applyLayout(flow: FlowDocument, positions: LayoutPositions): FlowDocument {
  const placed = new Map(positions.map((p) => [p.id, p]));
  const laidOut = flow.nodes.flatMap((n) => placed.get(n.id) ?? []);
  if (laidOut.length === 0) return flow;
  const dx = Math.min(...flow.nodes.map((n) => n.position.x)) - Math.min(...laidOut.map((p) => p.x));
  const dy = Math.min(...flow.nodes.map((n) => n.position.y)) - Math.min(...laidOut.map((p) => p.y));
  let changed = false;
  const nodes = flow.nodes.map((node) => {
    const at = placed.get(node.id);
    if (!at) return node;
    const position = { x: Math.round(at.x + dx), y: Math.round(at.y + dy) };
    if (position.x === node.position.x && position.y === node.position.y) return node;
    changed = true;
    return { ...node, position };
  });
  return changed ? { ...flow, nodes } : flow;
}

/** Arranges the flow left to right with `engine` (see `applyLayout` for what changes). */
export async function layoutFlow(
  flow: FlowDocument,
  engine: LayoutEngine,
  options: FlowLayoutOptions = {},
): Promise<FlowDocument> {
  if (flow.nodes.length === 0) return flow;
  return applyLayout(flow, await engine(toLayoutGraph(flow, options.sizes)));
}
