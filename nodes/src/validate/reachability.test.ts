import { describe, expect, it } from 'vitest';
import { chain, end, flowOf, message, minimalFlow, only, start, withCode } from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('unreachable-node', () => {
  it('warns about a node no edge leads to', () => {
    const flow = minimalFlow();
    flow.nodes.push(message('orphan'));
    flow.edges?.push(...chain('orphan', 'done'));
    const d = only(validateFlow(flow), 'unreachable-node');
    expect(d).toMatchObject({ severity: 'warning', nodeId: 'orphan' });
    expect(d.message).toContain('node "orphan" (message) cannot be reached from the start node');
  });

  it('warns about every node of a detached part', () => {
    const flow = flowOf({
      nodes: [start(), end(), message('a'), message('b'), end('c')],
      edges: [...chain('start', 'done'), ...chain('a', 'b', 'c')],
    });
    expect(withCode(validateFlow(flow), 'unreachable-node').map((d) => d.nodeId)).toEqual(['a', 'b', 'c']);
  });

  it('says nothing about reachability when there is no start', () => {
    const flow = flowOf({ nodes: [message('a'), end()], edges: chain('a', 'done') });
    expect(withCode(validateFlow(flow), 'unreachable-node')).toEqual([]);
  });

  it('reaches nodes on long paths without recursion limits', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `m${i}`);
    const flow = flowOf({
      nodes: [start(), ...ids.map((id) => message(id)), end()],
      edges: chain('start', ...ids, 'done'),
    });
    expect(validateFlow(flow)).toEqual([]);
  });
});
