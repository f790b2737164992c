import type { LayoutGraph } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../errors.ts';
import { layoutFlowGraph } from './layout-flow-graph.ts';

const card = (id: string, outputs: string[], input = true) => ({
  id,
  width: 240,
  height: 90,
  input,
  outputs,
});

/** Start, a question with two answers and a give-up, a retry back to the question, and a stray card. */
const tangled: LayoutGraph = {
  nodes: [
    card('start', ['next'], false),
    card('ask', ['next', 'invalid']),
    card('choice', ['pizza', 'pasta', 'no-match']),
    card('pasta-reply', ['next']),
    card('pizza-reply', ['next']),
    card('no-match-reply', ['next']),
    card('give-up', ['next']),
    card('end', []),
    card('orphan', ['next']),
  ],
  edges: [
    { source: 'start', port: 'next', target: 'ask' },
    { source: 'ask', port: 'next', target: 'choice' },
    { source: 'ask', port: 'invalid', target: 'give-up' },
    { source: 'choice', port: 'pizza', target: 'pizza-reply' },
    { source: 'choice', port: 'pasta', target: 'pasta-reply' },
    { source: 'choice', port: 'no-match', target: 'no-match-reply' },
    { source: 'pizza-reply', port: 'next', target: 'end' },
    { source: 'pasta-reply', port: 'next', target: 'end' },
    { source: 'give-up', port: 'next', target: 'end' },
    { source: 'no-match-reply', port: 'next', target: 'ask' },
  ],
};

const at = async (graph: LayoutGraph) => new Map((await layoutFlowGraph(graph)).map((p) => [p.id, p]));

describe('auto-layout', () => {
  it('places every card without overlap', async () => {
    const placed = [...(await at(tangled)).values()];
    expect(placed).toHaveLength(tangled.nodes.length);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= 240 || Math.abs(a.y - b.y) >= 90;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });

  it('runs edges left to right, except the loop back to the question', async () => {
    const placed = await at(tangled);
    for (const edge of tangled.edges) {
      if (edge.source === 'no-match-reply') continue;
      expect(placed.get(edge.source)?.x, `${edge.source} -> ${edge.target}`).toBeLessThan(
        placed.get(edge.target)?.x ?? Number.NEGATIVE_INFINITY,
      );
    }
  });

  it('keeps targets in the order of the ports they hang from', async () => {
    const placed = await at(tangled);
    const y = (id: string) => placed.get(id)?.y ?? Number.NaN;
    expect(y('pizza-reply')).toBeLessThan(y('pasta-reply'));
    expect(y('pasta-reply')).toBeLessThan(y('no-match-reply'));
  });

  it('gives the same flow the same layout every time', async () => {
    expect(await layoutFlowGraph(tangled)).toEqual(await layoutFlowGraph(tangled));
  });

  it('takes an empty flow, and refuses a graph beyond its bounds with the field named', async () => {
    expect(await layoutFlowGraph({ nodes: [], edges: [] })).toEqual([]);
    const tooMany = { nodes: Array.from({ length: 5_001 }, (_, i) => card(`n${i}`, [])), edges: [] };
    await expect(layoutFlowGraph(tooMany)).rejects.toThrow(ParleyError);
    await expect(layoutFlowGraph(tooMany)).rejects.toThrow(/nodes: a layout takes at most 5000 nodes/);
  });
});
