import { definitionOf, type NodeKind } from '@parley/nodes';
import type { FlowDocument, FlowNode } from '@parley/shared';
import { type ConnectionAttempt, type ConnectionCheck, checkConnection } from './connection-rules.ts';
import { edgeIdFor, nextNodeId } from './node-ids.ts';

export type XY = { x: number; y: number };

/** The subset of xyflow's NodeChange this module reads, so it stays testable without the library. */
export type PositionChangeLike = { type: string; id?: string; position?: XY; dragging?: boolean };

/**
 * Positions are committed only when a drag ends: every intermediate frame would otherwise be a
 * document state (and an undo step). Whole pixels keep saved flows readable in diffs.
 */
export function applyMoves(flow: FlowDocument, changes: readonly PositionChangeLike[]): FlowDocument {
  const moves = new Map<string, XY>();
  for (const change of changes) {
    if (change.type === 'position' && change.id && change.position && change.dragging !== true) {
      moves.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
    }
  }
  let changed = false;
  const nodes = flow.nodes.map((node) => {
    const to = moves.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: to };
  });
  return changed ? { ...flow, nodes } : flow;
}

/** Removing a node takes its edges along: an edge to nowhere is not a state the document may hold. */
export function removeElements(
  flow: FlowDocument,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): FlowDocument {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const nodes = flow.nodes.filter((n) => !goneNodes.has(n.id));
  const edges = flow.edges.filter(
    (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
  );
  if (nodes.length === flow.nodes.length && edges.length === flow.edges.length) return flow;
  return { ...flow, nodes, edges };
}

export function canAddKind(flow: Pick<FlowDocument, 'nodes'>, kind: string): boolean {
  return kind !== 'start' || !flow.nodes.some((n) => n.type === 'start');
}

export function createNode(
  flow: Pick<FlowDocument, 'nodes'>,
  kind: NodeKind,
  position: XY,
  taken: string[] = [],
) {
  const node: FlowNode = {
    id: nextNodeId(flow, kind, taken),
    type: kind,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    // A deep copy: definitions hand out one shared defaults object, and node data gets edited in place by forms.
    data: structuredClone(definitionOf(kind).defaults) as Record<string, unknown>,
  };
  return node;
}

/** Nudges a new node off any node sitting exactly there, so repeated clicks do not stack cards invisibly. */
export function freePosition(flow: Pick<FlowDocument, 'nodes'>, at: XY, step = 32): XY {
  let position = { x: Math.round(at.x), y: Math.round(at.y) };
  const occupied = (p: XY) =>
    flow.nodes.some((n) => Math.abs(n.position.x - p.x) < 8 && Math.abs(n.position.y - p.y) < 8);
  for (let i = 0; i < 50 && occupied(position); i++)
    position = { x: position.x + step, y: position.y + step };
  return position;
}

export function addNode(
  flow: FlowDocument,
  kind: NodeKind,
  position: XY,
): { ok: true; flow: FlowDocument; id: string } | { ok: false } {
  if (!canAddKind(flow, kind)) return { ok: false };
  const node = createNode(flow, kind, freePosition(flow, position));
  return { ok: true, flow: { ...flow, nodes: [...flow.nodes, node] }, id: node.id };
}

export function connect(
  flow: FlowDocument,
  attempt: ConnectionAttempt,
): { ok: true; flow: FlowDocument } | Extract<ConnectionCheck, { ok: false }> {
  const check = checkConnection(flow, attempt);
  if (!check.ok) return check;
  const edge = {
    id: edgeIdFor(flow, check.source, check.sourcePort),
    source: check.source,
    sourcePort: check.sourcePort,
    target: check.target,
  };
  return { ok: true, flow: { ...flow, edges: [...flow.edges, edge] } };
}

/** Moving an edge's end keeps its id when the port stays, so references to it in reviews stay valid. */
export function reconnect(
  flow: FlowDocument,
  edgeId: string,
  attempt: ConnectionAttempt,
): { ok: true; flow: FlowDocument } | Extract<ConnectionCheck, { ok: false }> {
  const check = checkConnection(flow, attempt, edgeId);
  if (!check.ok) return check;
  const edges = flow.edges.map((e) => {
    if (e.id !== edgeId) return e;
    const samePort = e.source === check.source && e.sourcePort === check.sourcePort;
    const others = { edges: flow.edges.filter((o) => o.id !== edgeId) };
    const id = samePort ? e.id : edgeIdFor(others, check.source, check.sourcePort);
    return { id, source: check.source, sourcePort: check.sourcePort, target: check.target };
  });
  return { ok: true, flow: { ...flow, edges } };
}

/** Matches `.pc-card` in canvas.css: a node lands with its header under the pointer, not its corner. */
export const CARD_WIDTH = 240;
const HEADER_GRAB_Y = 18;

export function addNodeCentredAt(flow: FlowDocument, kind: NodeKind, point: XY) {
  return addNode(flow, kind, { x: point.x - CARD_WIDTH / 2, y: point.y - HEADER_GRAB_Y });
}
