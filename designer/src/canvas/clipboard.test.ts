import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard.ts';
import { testFlow } from './test-flow.ts';

describe('copy and paste', () => {
  it('pastes copies with new ids, offset, and the edges between copied nodes', () => {
    const flow = testFlow();
    const clip = copyNodes(flow, ['ask-1', 'choice-1']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e-ask-1-next']);
    const { flow: next, ids } = pasteNodes(flow, clip, 40);
    expect(ids).toEqual(['ask-2', 'choice-2']);
    expect(next.nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: 340, y: 40 },
      { x: 640, y: 40 },
    ]);
    expect(next.edges.at(-1)).toEqual({
      id: 'e-ask-2-next',
      source: 'ask-2',
      sourcePort: 'next',
      target: 'choice-2',
    });
    expect(next.edges).toHaveLength(flow.edges.length + 1);
  });

  it('does not share data with the originals', () => {
    const flow = testFlow();
    const clip = copyNodes(flow, ['choice-1']);
    const { flow: next } = pasteNodes(flow, clip);
    expect(next.nodes.at(-1)!.data).toEqual(flow.nodes[2]!.data);
    expect(next.nodes.at(-1)!.data).not.toBe(flow.nodes[2]!.data);
  });

  it('leaves a second start out and pastes nothing when only start was copied', () => {
    const flow = testFlow();
    const onlyStart = pasteNodes(flow, copyNodes(flow, ['start']));
    expect(onlyStart).toEqual({ flow, ids: [] });
    const withStart = pasteNodes(flow, copyNodes(flow, ['start', 'ask-1']));
    expect(withStart.ids).toEqual(['ask-2']);
    expect(withStart.flow.edges).toHaveLength(flow.edges.length);
  });
});
