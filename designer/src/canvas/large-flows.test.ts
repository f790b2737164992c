import type { FlowDocument } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { openingNodes } from './large-flows.ts';

const chain = (length: number): FlowDocument =>
  ({
    nodes: Array.from({ length }, (_, i) => ({
      id: i === 0 ? 'start' : `n${i}`,
      type: i === 0 ? 'start' : 'message',
      position: { x: 0, y: 0 },
      data: {},
    })),
    edges: Array.from({ length: length - 1 }, (_, i) => ({
      id: `e${i}`,
      source: i === 0 ? 'start' : `n${i}`,
      sourcePort: 'next',
      target: `n${i + 1}`,
    })),
  }) as FlowDocument;

describe('opening a large flow', () => {
  it('frames Start and the nodes that follow it, breadth first, up to the count', () => {
    expect(openingNodes(chain(50), 4)).toEqual([{ id: 'start' }, { id: 'n1' }, { id: 'n2' }, { id: 'n3' }]);
  });

  it('frames what there is when the flow is shorter, and nothing for an empty flow', () => {
    expect(openingNodes(chain(2), 12)).toEqual([{ id: 'start' }, { id: 'n1' }]);
    expect(openingNodes({ nodes: [], edges: [] } as unknown as FlowDocument)).toEqual([]);
  });
});
