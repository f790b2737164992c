import { describe, expect, it } from 'vitest';
import { ask, chain, edge, end, flowOf, message, minimalFlow, node, only, start } from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('duplicate ids', () => {
  it('reports a second node with the same id', () => {
    const flow = minimalFlow();
    flow.nodes.push(message('hello', 'Again'));
    const d = only(validateFlow(flow), 'duplicate-node-id');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'hello' });
    expect(d.message).toContain('node "hello" (message)');
    expect(d.message).toMatch(/unique/);
  });

  it('reports a second edge with the same id', () => {
    const flow = flowOf({
      nodes: [start(), node('pick', 'condition', { branches: [{ port: 'yes', expression: 'true' }] }), end()],
      edges: [
        edge('start', 'pick'),
        edge('pick', 'done', 'yes', 'same'),
        edge('pick', 'done', 'else', 'same'),
      ],
    });
    const d = only(validateFlow(flow), 'duplicate-edge-id');
    expect(d).toMatchObject({ severity: 'error', edgeId: 'same' });
    expect(d.message).toContain('edge "same"');
    expect(d.message).toContain('"else"');
  });
});

describe('unknown-kind', () => {
  it('suggests the kind a typo meant', () => {
    const flow = minimalFlow();
    flow.nodes[1] = node('hello', 'mesage', { messages: [{ type: 'text', text: 'Hi' }] });
    const d = only(validateFlow(flow), 'unknown-kind');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'hello' });
    expect(d.message).toContain('node "hello" (mesage)');
    expect(d.message).toContain('Did you mean "message"?');
  });

  it('lists the known kinds when nothing is close', () => {
    const flow = minimalFlow();
    flow.nodes[1] = node('hello', 'teleport');
    expect(only(validateFlow(flow), 'unknown-kind').message).toMatch(
      /Known kinds: start, message, choice, ask/,
    );
  });
});

describe('invalid-config', () => {
  it('names the node, its kind and the config path', () => {
    const flow = flowOf({
      nodes: [start(), node('ask1', 'ask', { prompt: 'Email?' }), end()],
      edges: chain('start', 'ask1', 'done'),
    });
    const d = only(validateFlow(flow), 'invalid-config');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'ask1' });
    expect(d.message).toBe('node "ask1" (ask): data.variable: is required (expected string)');
  });

  it('reports every problem of a config, with nested paths', () => {
    const flow = flowOf({
      nodes: [
        start(),
        node('menu', 'choice', { prompt: 7, choices: [{ value: 'no-match', label: 'x' }] }),
        end(),
      ],
      edges: chain('start', 'menu'),
    });
    const messages = validateFlow(flow)
      .filter((d) => d.code === 'invalid-config')
      .map((d) => d.message);
    expect(messages).toEqual([
      'node "menu" (choice): data.prompt: expected string or record, received number',
      'node "menu" (choice): data.choices.0.value: "no-match" is reserved',
    ]);
  });

  it('reports an invalid regular expression in an ask', () => {
    const flow = flowOf({
      nodes: [
        start(),
        node('code', 'ask', { prompt: 'Code?', variable: 'code', inputType: 'regex', pattern: '(' }),
      ],
      edges: chain('start', 'code'),
      variables: ['code'],
    });
    expect(only(validateFlow(flow), 'invalid-config').message).toContain(
      'data.pattern: the pattern is not a valid',
    );
  });
});

describe('start nodes', () => {
  it('reports a flow without a start', () => {
    const flow = flowOf({ nodes: [message('hello'), end()], edges: chain('hello', 'done') });
    const d = only(validateFlow(flow), 'no-start');
    expect(d.severity).toBe('error');
    expect(d.nodeId).toBeUndefined();
    expect(d.message).toMatch(/no start node.*"start"/);
  });

  it('reports every start after the first', () => {
    const flow = flowOf({
      nodes: [start('s1'), ask('q', 'answer'), start('s2'), end()],
      edges: [...chain('s1', 'q', 'done'), edge('s2', 'q')],
      variables: ['answer'],
    });
    const d = only(validateFlow(flow), 'multiple-starts');
    expect(d).toMatchObject({ severity: 'error', nodeId: 's2' });
    expect(d.message).toContain('node "s2" (start)');
    expect(d.message).toContain('node "s1" (start) is the first');
  });
});
