import { definitionOf, isNodeKind, type NodeCategory } from '@parley/nodes';
import type { FlowDocument, FlowNode } from '@parley/shared';
import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { NodeDiffMark } from './diff-view.ts';
import { essenceOf } from './essence.ts';
import { labels } from './labels.ts';
import { hasInput, type PortView, portsOf } from './ports.ts';

export const CARD_NODE_TYPE = 'parley';

/** Everything a card shows, computed here so the card component stays a plain view. */
export type CardData = {
  node: FlowNode;
  kindLabel: string;
  /** Null for a kind this designer does not know (a flow from a newer version, or a typo). */
  category: NodeCategory | null;
  essence: string[];
  ports: PortView[];
  hasInput: boolean;
  problem: boolean;
  active: boolean;
  /** How the node differs in a diff being shown, or null outside one. */
  diff: NodeDiffMark | null;
};

export type CanvasNode = Node<CardData, typeof CARD_NODE_TYPE>;
export type CanvasEdge = Edge;

export type Marks = {
  problemNodeIds?: ReadonlySet<string> | undefined;
  highlightedNodeId?: string | null | undefined;
  nodeMarks?: ReadonlyMap<string, NodeDiffMark> | undefined;
};

export function toCanvasNodes(flow: FlowDocument, marks: Marks = {}): CanvasNode[] {
  return flow.nodes.map((node) => {
    const known = isNodeKind(node.type) ? definitionOf(node.type) : null;
    return {
      id: node.id,
      type: CARD_NODE_TYPE,
      position: node.position,
      data: {
        node,
        kindLabel: known ? labels.kindLabel(node.type, known.meta.label) : node.type,
        category: known?.meta.category ?? null,
        essence: essenceOf(node.type, node.data),
        ports: portsOf(node, flow.edges),
        hasInput: hasInput(node.type),
        problem: marks.problemNodeIds?.has(node.id) ?? false,
        active: marks.highlightedNodeId === node.id,
        diff: marks.nodeMarks?.get(node.id) ?? null,
      },
    };
  });
}

export function toCanvasEdges(flow: FlowDocument): CanvasEdge[] {
  return flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  }));
}

function sameCard(a: CardData, b: CardData): boolean {
  return (
    a.node === b.node &&
    a.kindLabel === b.kindLabel &&
    a.essence.join('\n') === b.essence.join('\n') &&
    a.problem === b.problem &&
    a.active === b.active &&
    a.diff === b.diff &&
    a.ports.length === b.ports.length &&
    a.ports.every((p, i) => {
      const q = b.ports[i];
      return q !== undefined && p.name === q.name && p.label === q.label && p.stale === q.stale;
    })
  );
}

/**
 * The document knows nothing of what xyflow keeps on its nodes (measured size, selection, a drag in
 * progress); carrying those over keeps a re-render from the document from resetting them. Unchanged
 * nodes keep their object identity so xyflow skips re-adopting them.
 */
export function mergeCanvasNodes(
  previous: readonly CanvasNode[],
  next: readonly CanvasNode[],
  selectOnly?: ReadonlySet<string>,
): CanvasNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const old = byId.get(node.id);
    const selected = selectOnly ? selectOnly.has(node.id) : (old?.selected ?? false);
    if (!old) return selected ? { ...node, selected } : node;
    const position = old.dragging ? old.position : node.position;
    if (
      sameCard(old.data, node.data) &&
      (old.selected ?? false) === selected &&
      old.position.x === position.x &&
      old.position.y === position.y
    ) {
      return old;
    }
    return {
      ...node,
      position,
      selected,
      ...(old.measured ? { measured: old.measured } : {}),
      ...(old.dragging ? { dragging: old.dragging } : {}),
    };
  });
}

export function mergeCanvasEdges(previous: readonly CanvasEdge[], next: readonly CanvasEdge[]): CanvasEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return next.map((edge) => {
    const old = byId.get(edge.id);
    if (
      old &&
      old.source === edge.source &&
      old.target === edge.target &&
      old.sourceHandle === edge.sourceHandle
    ) {
      return old;
    }
    return old?.selected ? { ...edge, selected: true } : edge;
  });
}

/** The node id the rest of the editor cares about: one node selected, or none. */
export function singleSelection(nodes: readonly CanvasNode[]): string | null {
  let found: string | null = null;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found !== null) return null;
    found = node.id;
  }
  return found;
}
