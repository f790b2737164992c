import { describe, expect, it } from 'vitest';
import {
  ask,
  chain,
  end,
  flowOf,
  message,
  node,
  only,
  setVariable,
  start,
  withCode,
} from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('undeclared-variable in writes', () => {
  it('reports an ask storing its answer in an undeclared variable', () => {
    const flow = flowOf({
      nodes: [start(), ask('ask1', 'email'), end()],
      edges: chain('start', 'ask1', 'done'),
      variables: ['emial'],
    });
    const d = only(validateFlow(flow), 'undeclared-variable');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'ask1' });
    expect(d.message).toContain(
      'node "ask1" (ask) stores a value in "email", which is not a declared variable',
    );
    expect(d.message).toContain('Did you mean "emial"?');
  });

  it('reports writes to a built-in as read-only', () => {
    const flow = flowOf({
      nodes: [start(), setVariable('set', 'channel', '"sms"'), end()],
      edges: chain('start', 'set', 'done'),
    });
    expect(only(validateFlow(flow), 'undeclared-variable').message).toContain(
      '"channel" is built in and read-only',
    );
  });

  it('reports the error variable of an HTTP request', () => {
    const lookup = node('lookup', 'http-request', { url: 'https://x.example/', errorVariable: 'failure' });
    const flow = flowOf({
      nodes: [start(), lookup, end()],
      edges: [
        ...chain('start', 'lookup'),
        { id: 'ok', source: 'lookup', sourcePort: 'success', target: 'done' },
        { id: 'ko', source: 'lookup', sourcePort: 'error', target: 'done' },
      ],
    });
    expect(only(validateFlow(flow), 'undeclared-variable').message).toContain('"failure"');
  });
});

describe('unused-variable', () => {
  it('warns about a declared variable nothing reads or writes', () => {
    const flow = flowOf({
      nodes: [start(), message('hello', 'Hi {{ name }}'), end()],
      edges: chain('start', 'hello', 'done'),
      variables: ['name', 'leftover'],
    });
    const d = only(validateFlow(flow), 'unused-variable');
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('variable "leftover" is declared but no node reads or writes it');
  });

  it('counts a variable only written as used', () => {
    const flow = flowOf({
      nodes: [start(), ask('q', 'answer'), end()],
      edges: chain('start', 'q', 'done'),
      variables: ['answer'],
    });
    expect(withCode(validateFlow(flow), 'unused-variable')).toEqual([]);
  });

  it('stays quiet while a node it may be used by has an invalid config', () => {
    const flow = flowOf({
      nodes: [start(), node('hello', 'message', { messages: [] }), end()],
      edges: chain('start', 'hello', 'done'),
      variables: ['maybe'],
    });
    expect(withCode(validateFlow(flow), 'unused-variable')).toEqual([]);
  });
});
