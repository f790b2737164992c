import { describe, expect, it } from 'vitest';
import {
  ask,
  chain,
  codesOf,
  condition,
  edge,
  end,
  flowOf,
  message,
  minimalFlow,
  node,
  only,
  start,
  withCode,
} from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('dangling-edge', () => {
  it('reports an edge to a missing node, suggesting the node meant', () => {
    const flow = flowOf({
      nodes: [start(), message('hello'), end()],
      edges: [edge('start', 'hello'), edge('hello', 'don', 'next', 'e2')],
    });
    const d = only(validateFlow(flow), 'dangling-edge');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'hello', edgeId: 'e2' });
    expect(d.message).toContain('node "don", which does not exist');
    expect(d.message).toContain('Did you mean "done"?');
  });

  it('reports an edge from a missing node', () => {
    const flow = minimalFlow();
    flow.edges?.push(edge('ghost', 'done', 'next', 'e9'));
    const d = only(validateFlow(flow), 'dangling-edge');
    expect(d).toMatchObject({ severity: 'error', edgeId: 'e9' });
    expect(d.nodeId).toBeUndefined();
    expect(d.message).toContain('starts at node "ghost"');
  });

  it('reports an edge leaving through a port the node does not have', () => {
    const flow = flowOf({
      nodes: [start(), ask('ask1', 'email'), end()],
      edges: [edge('start', 'ask1'), edge('ask1', 'done', 'nxet', 'e2')],
      variables: ['email'],
    });
    const found = validateFlow(flow);
    const d = only(found, 'dangling-edge');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'ask1', edgeId: 'e2' });
    expect(d.message).toContain('node "ask1" (ask) through port "nxet"');
    expect(d.message).toContain('its ports are "next" and "invalid"');
    expect(d.message).toContain('Did you mean "next"?');
    // The port it meant is still unconnected, and the edge's target is reached by no real edge.
    expect(codesOf(found)).toContain('required-port-unconnected');
    expect(only(found, 'unreachable-node').nodeId).toBe('done');
  });

  it('reports an edge left behind by a deleted choice option', () => {
    const flow = flowOf({
      nodes: [
        start(),
        node('menu', 'choice', { prompt: 'Pick', choices: [{ value: 'yes', label: 'Yes' }] }),
        end(),
      ],
      edges: [edge('start', 'menu'), edge('menu', 'done', 'yes'), edge('menu', 'done', 'no', 'old')],
    });
    const d = only(validateFlow(flow), 'dangling-edge');
    expect(d).toMatchObject({ edgeId: 'old', nodeId: 'menu' });
    expect(d.message).toContain('"yes" and "no-match"');
  });

  it('reports an edge out of an end node', () => {
    const flow = minimalFlow();
    flow.edges?.push(edge('done', 'hello', 'next', 'back'));
    expect(only(validateFlow(flow), 'dangling-edge').message).toContain('it has no output ports');
  });

  it('does not second-guess edges of a node whose config is invalid', () => {
    const flow = flowOf({
      nodes: [start(), node('menu', 'choice', { prompt: 'Pick' }), end()],
      edges: [edge('start', 'menu'), edge('menu', 'done', 'yes')],
    });
    expect(codesOf(validateFlow(flow))).toEqual(['invalid-config']);
  });
});

describe('port-multiple-edges', () => {
  it('reports a port with two edges, naming both', () => {
    const flow = minimalFlow();
    flow.nodes.push(end('other'));
    flow.edges?.push(edge('hello', 'other', 'next', 'second'));
    const d = only(validateFlow(flow), 'port-multiple-edges');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'hello', edgeId: 'second' });
    expect(d.message).toContain('port "next" of node "hello" (message) has 2 edges');
    expect(d.message).toContain('"hello.next->done" and "second"');
  });
});

describe('required-port-unconnected', () => {
  it('reports each required port without an edge', () => {
    const flow = flowOf({
      nodes: [start(), condition('check', 'true'), end()],
      edges: [edge('start', 'check'), edge('check', 'done', 'yes')],
    });
    const d = only(validateFlow(flow), 'required-port-unconnected');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'check' });
    expect(d.message).toContain('port "else" (Else) of node "check" (condition) is not connected');
  });

  it('lets optional ports stay unconnected', () => {
    const flow = flowOf({
      nodes: [start(), ask('q', 'answer'), end()],
      edges: chain('start', 'q', 'done'),
      variables: ['answer'],
    });
    expect(withCode(validateFlow(flow), 'required-port-unconnected')).toEqual([]);
  });
});
