import '../i18n/english-for-tests.ts';
import { layoutFlowGraph } from '@parley/runtime/server/testing';
import type { FlowDocument, FlowNode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { estimateCardSize, layoutFlow } from './layout.ts';
import { testFlow } from './test-flow.ts';

const message = (id: string, text: string): FlowNode => ({
  id,
  type: 'message',
  position: { x: 0, y: 0 },
  data: { messages: [{ text }] },
});

/**
 * Branches, a retry loop back to the ask, targets listed against port order, a node nothing reaches,
 * and every node piled on one spot to start with.
 */
function tangledFlow(): FlowDocument {
  const base = testFlow();
  const piled = base.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } }));
  return testFlow({
    nodes: [
      ...piled,
      message('no-match-reply', 'Sorry?'),
      message('pasta-reply', 'Pasta it is'),
      message('pizza-reply', 'Pizza it is'),
      message('give-up', 'Let me get a human'),
      message('orphan', 'Nobody comes here'),
    ],
    edges: [
      { id: 'e-start-next', source: 'start', sourcePort: 'next', target: 'ask-1' },
      { id: 'e-ask-1-next', source: 'ask-1', sourcePort: 'next', target: 'choice-1' },
      { id: 'e-ask-1-invalid', source: 'ask-1', sourcePort: 'invalid', target: 'give-up' },
      { id: 'e-choice-1-pizza', source: 'choice-1', sourcePort: 'pizza', target: 'pizza-reply' },
      { id: 'e-choice-1-pasta', source: 'choice-1', sourcePort: 'pasta', target: 'pasta-reply' },
      { id: 'e-choice-1-no-match', source: 'choice-1', sourcePort: 'no-match', target: 'no-match-reply' },
      { id: 'e-pizza-reply-next', source: 'pizza-reply', sourcePort: 'next', target: 'end' },
      { id: 'e-pasta-reply-next', source: 'pasta-reply', sourcePort: 'next', target: 'end' },
      { id: 'e-give-up-next', source: 'give-up', sourcePort: 'next', target: 'end' },
      // The retry: back to the question.
      { id: 'e-no-match-reply-next', source: 'no-match-reply', sourcePort: 'next', target: 'ask-1' },
    ],
  });
}

const LOOP_BACKS = new Set(['e-no-match-reply-next']);

function positions(flow: FlowDocument) {
  return new Map(flow.nodes.map((n) => [n.id, n.position]));
}

describe('layoutFlow', () => {
  it('gives every node its own place, with no two cards overlapping', async () => {
    const flow = tangledFlow();
    const laidOut = await layoutFlow(flow, layoutFlowGraph);
    const spots = laidOut.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(flow.nodes.length);

    const boxes = laidOut.nodes.map((n) => ({ ...n.position, ...estimateCardSize(n, laidOut.edges) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    for (const node of laidOut.nodes) {
      expect(Number.isInteger(node.position.x) && Number.isInteger(node.position.y)).toBe(true);
    }
  });

  it('runs every edge left to right, except loops back to an earlier node', async () => {
    const laidOut = await layoutFlow(tangledFlow(), layoutFlowGraph);
    const at = positions(laidOut);
    for (const edge of laidOut.edges) {
      const forward = at.get(edge.source)!.x < at.get(edge.target)!.x;
      expect(forward, edge.id).toBe(!LOOP_BACKS.has(edge.id));
    }
  });

  it('keeps the targets of a card in the order of its output ports', async () => {
    const at = positions(await layoutFlow(tangledFlow(), layoutFlowGraph));
    expect(at.get('pizza-reply')!.y).toBeLessThan(at.get('pasta-reply')!.y);
    expect(at.get('pasta-reply')!.y).toBeLessThan(at.get('no-match-reply')!.y);
    expect(at.get('ask-1')!.y).toBeLessThan(at.get('give-up')!.y);
  });

  it('is deterministic', async () => {
    const first = await layoutFlow(tangledFlow(), layoutFlowGraph);
    const second = await layoutFlow(tangledFlow(), layoutFlowGraph);
    expect(second.nodes.map((n) => n.position)).toEqual(first.nodes.map((n) => n.position));
  });

  it('changes positions only: node order, data, edges and the rest of the document stay as they were', async () => {
    const flow = tangledFlow();
    const snapshot = structuredClone(flow);
    const laidOut = await layoutFlow(flow, layoutFlowGraph);
    expect(flow).toEqual(snapshot);
    const withoutPositions = (f: FlowDocument) => ({
      ...f,
      nodes: f.nodes.map(({ position: _position, ...rest }) => rest),
    });
    expect(withoutPositions(laidOut)).toEqual(withoutPositions(flow));
    expect(laidOut.edges).toBe(flow.edges);
    for (const [i, node] of laidOut.nodes.entries()) expect(node.data).toBe(flow.nodes[i]!.data);
  });

  it('starts the layout at the old top-left corner and returns a tidy flow unchanged', async () => {
    const flow = tangledFlow();
    flow.nodes[0] = { ...flow.nodes[0]!, position: { x: -500, y: 300 } };
    flow.nodes[1] = { ...flow.nodes[1]!, position: { x: 100, y: -40 } };
    const laidOut = await layoutFlow(flow, layoutFlowGraph);
    expect(Math.min(...laidOut.nodes.map((n) => n.position.x))).toBe(-500);
    expect(Math.min(...laidOut.nodes.map((n) => n.position.y))).toBe(-40);
    expect(await layoutFlow(laidOut, layoutFlowGraph)).toBe(laidOut);
  });

  it('uses measured sizes when given', async () => {
    const flow = testFlow();
    const small = await layoutFlow(flow, layoutFlowGraph);
    const sizes = new Map(flow.nodes.map((n) => [n.id, { width: 600, height: 100 }]));
    const wide = await layoutFlow(flow, layoutFlowGraph, { sizes });
    const gap = (f: FlowDocument) => positions(f).get('ask-1')!.x - positions(f).get('start')!.x;
    expect(gap(wide) - gap(small)).toBe(600 - estimateCardSize(flow.nodes[0]!, flow.edges).width);
  });

  it('handles an empty flow, unknown kinds and edges to missing nodes', async () => {
    const empty = testFlow({ nodes: [], edges: [] });
    expect(await layoutFlow(empty, layoutFlowGraph)).toBe(empty);
    const odd = testFlow();
    odd.nodes.push({ id: 'mystery', type: 'teleport', position: { x: 0, y: 0 }, data: {} });
    odd.edges.push({ id: 'e-mystery-out', source: 'mystery', sourcePort: 'out', target: 'end' });
    odd.edges.push({ id: 'e-end-gone', source: 'end', sourcePort: 'next', target: 'gone' });
    const laidOut = await layoutFlow(odd, layoutFlowGraph);
    const at = positions(laidOut);
    expect(at.get('mystery')!.x).toBeLessThan(at.get('end')!.x);
  });
});
