import { describe, expect, it } from 'vitest';
import {
  ask,
  chain,
  condition,
  edge,
  end,
  flowOf,
  message,
  only,
  setVariable,
  start,
  withCode,
} from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('busy-loop', () => {
  it('reports a cycle of nodes that never wait, naming them in order', () => {
    const flow = flowOf({
      nodes: [start(), condition('check', 'tries < 3'), setVariable('count', 'tries', 'tries + 1'), end()],
      edges: [
        ...chain('start', 'check'),
        edge('check', 'count', 'yes'),
        edge('check', 'done', 'else'),
        edge('count', 'check'),
      ],
      variables: ['tries'],
    });
    const d = only(validateFlow(flow), 'busy-loop');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'check' });
    expect(d.message).toContain('"check" (condition) → "count" (set-variable) → "check"');
    expect(d.message).toContain('(choice, ask)');
  });

  it('reports a node looping to itself', () => {
    const flow = flowOf({
      nodes: [start(), message('again')],
      edges: [edge('start', 'again'), edge('again', 'again')],
    });
    expect(only(validateFlow(flow), 'busy-loop').message).toContain('"again" (message) → "again"');
  });

  it('accepts a loop through a node that waits for input', () => {
    const flow = flowOf({
      nodes: [start(), ask('q', 'answer'), condition('check', 'answer == "yes"'), end()],
      edges: [...chain('start', 'q', 'check'), edge('check', 'done', 'yes'), edge('check', 'q', 'else')],
      variables: ['answer'],
    });
    expect(validateFlow(flow)).toEqual([]);
  });

  it('reports each separate loop once', () => {
    const flow = flowOf({
      nodes: [start(), message('a'), message('b'), condition('c', 'true'), message('d')],
      edges: [
        ...chain('start', 'a', 'b'),
        edge('b', 'a'),
        edge('c', 'd', 'yes'),
        edge('c', 'c', 'else'),
        edge('d', 'c'),
      ],
    });
    const loops = withCode(validateFlow(flow), 'busy-loop');
    expect(loops.map((d) => d.nodeId)).toEqual(['a', 'c']);
    // The shortest way round is named, not the whole tangle.
    expect(loops[1]?.message).toMatch(
      /^"c" \(condition\) → "c" form a loop .*\(1 more nodes are part of it\)/,
    );
  });

  it('finds a loop around a huge flow without overflowing the stack', () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => `m${i}`);
    const flow = flowOf({
      nodes: [start(), ...ids.map((id) => message(id))],
      edges: [...chain('start', ...ids), edge(ids[ids.length - 1] as string, 'm0', 'next', 'back')],
    });
    const d = only(validateFlow(flow), 'busy-loop');
    expect(d.nodeId).toBe('m0');
    expect(d.message).toContain('29988 more');
  });
});
