import type { FlowDocument } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { diffView } from './diff-view.ts';
import { testFlow } from './test-flow.ts';

/** From `from` to `to`: ask-1 removed, choice-1 changed, a message added; start and end untouched. */
function versions(): { from: FlowDocument; to: FlowDocument } {
  const from = testFlow();
  const to = testFlow({
    nodes: [
      ...from.nodes
        .filter((n) => n.id !== 'ask-1')
        .map((n) => (n.id === 'choice-1' ? { ...n, data: { ...n.data, prompt: 'Pizza?' } } : n)),
      {
        id: 'message-1',
        type: 'message',
        position: { x: 300, y: 200 },
        data: { messages: [{ text: 'Hi' }] },
      },
    ],
    edges: [
      { id: 'e-start-next', source: 'start', sourcePort: 'next', target: 'message-1' },
      { id: 'e-message-1-next', source: 'message-1', sourcePort: 'next', target: 'choice-1' },
      { id: 'e-choice-1-pizza', source: 'choice-1', sourcePort: 'pizza', target: 'end' },
    ],
  });
  return { from, to };
}

const summary = {
  nodes: { added: [{ id: 'message-1' }], removed: [{ id: 'ask-1' }], changed: [{ id: 'choice-1' }] },
};

describe('diffView', () => {
  it('shows the new flow plus removed nodes as ghosts at their old positions', () => {
    const { from, to } = versions();
    const { flow } = diffView(from, to, summary);
    expect(flow.nodes.map((n) => n.id)).toEqual(['start', 'choice-1', 'end', 'message-1', 'ask-1']);
    expect(flow.nodes.at(-1)).toBe(from.nodes[1]);
    expect(flow.nodes.at(-1)!.position).toEqual({ x: 300, y: 0 });
    // Everything else is the new version's, edges included.
    expect(flow.nodes.slice(0, -1)).toEqual(to.nodes);
    expect(flow.edges).toBe(to.edges);
    expect({ ...flow, nodes: to.nodes }).toEqual(to);
  });

  it('marks added, removed and changed nodes, and no others', () => {
    const { from, to } = versions();
    const { marks } = diffView(from, to, summary);
    expect(marks).toEqual(
      new Map([
        ['message-1', 'added'],
        ['choice-1', 'changed'],
        ['ask-1', 'removed'],
      ]),
    );
  });

  it('returns the new flow itself when nothing was removed, and leaves both inputs alone', () => {
    const { from, to } = versions();
    const before = structuredClone({ from, to });
    const { flow, marks } = diffView(from, to, { nodes: { added: [], removed: [], changed: [] } });
    expect(flow).toBe(to);
    expect(marks.size).toBe(0);
    diffView(from, to, summary);
    expect({ from, to }).toEqual(before);
  });

  it('skips ids the documents do not hold, and never shows a node twice', () => {
    const { from, to } = versions();
    const { flow, marks } = diffView(from, to, {
      nodes: {
        added: [{ id: 'nowhere' }],
        // "end" is still in the new version: it is not duplicated as a ghost.
        removed: [{ id: 'ask-1' }, { id: 'gone-long-ago' }, { id: 'end' }],
        changed: [{ id: 'ask-1-typo' }],
      },
    });
    expect(flow.nodes.map((n) => n.id)).toEqual(['start', 'choice-1', 'end', 'message-1', 'ask-1']);
    expect(marks).toEqual(new Map([['ask-1', 'removed']]));
  });
});
