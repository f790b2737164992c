import '../i18n/english-for-tests.ts';
import { nodeDefinitions } from '@parley/nodes';
import { flowDocumentSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  addNodeCentredAt,
  applyMoves,
  CARD_WIDTH,
  connect,
  reconnect,
  removeElements,
} from './document-edits.ts';
import { testFlow } from './test-flow.ts';

describe('applyMoves', () => {
  it('commits the position a drag ends at, rounded, and ignores frames mid-drag', () => {
    const flow = testFlow();
    expect(
      applyMoves(flow, [{ type: 'position', id: 'end', position: { x: 5, y: 5 }, dragging: true }]),
    ).toBe(flow);
    const moved = applyMoves(flow, [
      { type: 'position', id: 'end', position: { x: 10.4, y: 20.6 }, dragging: false },
      { type: 'dimensions', id: 'ask-1' },
      { type: 'select', id: 'start' },
    ]);
    expect(moved.nodes.find((n) => n.id === 'end')!.position).toEqual({ x: 10, y: 21 });
    expect(moved.nodes.find((n) => n.id === 'start')).toBe(flow.nodes[0]);
    expect(flow.nodes.find((n) => n.id === 'end')!.position).toEqual({ x: 900, y: 0 });
  });

  it('returns the same document when nothing moved, so no edit is recorded', () => {
    const flow = testFlow();
    expect(
      applyMoves(flow, [{ type: 'position', id: 'end', position: { x: 900, y: 0 }, dragging: false }]),
    ).toBe(flow);
  });
});

describe('removeElements', () => {
  it('removes nodes with their edges, and edges by id', () => {
    const flow = testFlow();
    const next = removeElements(flow, ['choice-1'], ['e-start-next']);
    expect(next.nodes.map((n) => n.id)).toEqual(['start', 'ask-1', 'end']);
    expect(next.edges).toEqual([]);
    expect(removeElements(flow, [], [])).toBe(flow);
  });
});

describe('addNode', () => {
  it('adds a node with a fresh id and a deep copy of the defaults', () => {
    const added = addNode(testFlow(), 'choice', { x: 10.2, y: 20 });
    if (!added.ok) throw new Error('refused');
    expect(added.id).toBe('choice-2');
    const node = added.flow.nodes.at(-1)!;
    expect(node).toMatchObject({ id: 'choice-2', type: 'choice', position: { x: 10, y: 20 } });
    expect(node.data).toEqual(nodeDefinitions.choice.defaults);
    expect(node.data.choices).not.toBe(nodeDefinitions.choice.defaults.choices);
    expect(flowDocumentSchema.safeParse(added.flow).success).toBe(true);
  });

  it('refuses a second start', () => {
    expect(addNode(testFlow(), 'start', { x: 0, y: 0 }).ok).toBe(false);
    expect(addNode(testFlow({ nodes: [], edges: [] }), 'start', { x: 0, y: 0 }).ok).toBe(true);
  });

  it('nudges a node off one sitting at exactly the same spot', () => {
    const added = addNode(testFlow(), 'message', { x: 300, y: 0 });
    expect(added.ok && added.flow.nodes.at(-1)!.position).toEqual({ x: 332, y: 32 });
  });

  it('centres the card horizontally on the drop point', () => {
    const added = addNodeCentredAt(testFlow(), 'end', { x: 2000, y: 2000 });
    expect(added.ok && added.flow.nodes.at(-1)!.position.x).toBe(2000 - CARD_WIDTH / 2);
  });
});

describe('connect', () => {
  it('adds an edge e-<source>-<port>', () => {
    const result = connect(testFlow(), { source: 'choice-1', sourceHandle: 'pasta', target: 'end' });
    expect(result.ok && result.flow.edges.at(-1)).toEqual({
      id: 'e-choice-1-pasta',
      source: 'choice-1',
      sourcePort: 'pasta',
      target: 'end',
    });
  });

  it('refuses a taken port without touching the document', () => {
    expect(connect(testFlow(), { source: 'start', sourceHandle: 'next', target: 'end' })).toMatchObject({
      ok: false,
      reason: 'port-taken',
    });
  });
});

describe('reconnect', () => {
  it('moves an edge to a new target keeping its id', () => {
    const result = reconnect(testFlow(), 'e-choice-1-pizza', {
      source: 'choice-1',
      sourceHandle: 'pizza',
      target: 'ask-1',
    });
    expect(result.ok && result.flow.edges.at(-1)).toEqual({
      id: 'e-choice-1-pizza',
      source: 'choice-1',
      sourcePort: 'pizza',
      target: 'ask-1',
    });
  });

  it('renames the edge when it moves to another port, and refuses a taken one', () => {
    const moved = reconnect(testFlow(), 'e-choice-1-pizza', {
      source: 'choice-1',
      sourceHandle: 'pasta',
      target: 'end',
    });
    expect(moved.ok && moved.flow.edges.at(-1)!.id).toBe('e-choice-1-pasta');
    expect(
      reconnect(testFlow(), 'e-choice-1-pizza', { source: 'start', sourceHandle: 'next', target: 'end' }).ok,
    ).toBe(false);
  });
});
