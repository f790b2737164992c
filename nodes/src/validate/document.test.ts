import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesOf, flowOf, message, minimalFlow, node, only, start } from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

describe('invalid-document', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'flow'],
    ['an array', []],
    ['undefined', undefined],
  ])('reports %s as not a flow document', (_name, input) => {
    const found = validateFlow(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'invalid-document' });
    expect(found[0]?.message).toMatch(/expected a flow document/);
  });

  it('reports each schema problem with its path', () => {
    const found = validateFlow({ nodes: 'x' });
    expect(codesOf(found)).toEqual(['invalid-document', 'invalid-document', 'invalid-document']);
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^id: is required/),
      expect.stringMatching(/^name: is required/),
      expect.stringMatching(/^nodes: .*expected array, received string/),
    ]);
  });

  it('names the node whose id is malformed, with the zod path', () => {
    const flow = minimalFlow();
    flow.nodes.push(node('3bad', 'message', { messages: [{ type: 'text', text: 'x' }] }));
    const d = only(validateFlow(flow), 'invalid-document');
    expect(d.message).toMatch(/^nodes\.3\.id: use letters/);
    expect(d.message).toContain('"3bad" (message)');
    expect(d.nodeId).toBe('3bad');
  });

  it('names the edge with a missing field', () => {
    const flow = minimalFlow();
    flow.edges?.push({ id: 'e9', source: 'hello', target: 'done' } as never);
    const d = only(validateFlow(flow), 'invalid-document');
    expect(d).toMatchObject({ edgeId: 'e9' });
    expect(d.message).toMatch(/^edges\.2\.sourcePort: is required/);
  });

  it('reports a reserved variable name', () => {
    const flow = flowOf({ ...minimalFlow(), variables: ['input'] });
    expect(only(validateFlow(flow), 'invalid-document').message).toMatch(/^variables\.0\.name: is reserved/);
  });

  it('keeps checking the nodes that did parse', () => {
    const flow = { ...minimalFlow(), name: undefined };
    flow.nodes.push(node('oops', 'mesage'));
    const found = validateFlow(flow);
    expect(only(found, 'invalid-document').message).toMatch(/^name: is required/);
    expect(only(found, 'unknown-kind').nodeId).toBe('oops');
  });

  it('does not blame edges for pointing at a node it could not read', () => {
    const flow = minimalFlow();
    // `hello` is lost to a bad position; its edges and the start's port are fine as far as anyone knows.
    (flow.nodes[1] as { position?: unknown }).position = { x: 'left', y: 0 };
    const found = validateFlow(flow);
    expect(codesOf(found)).toEqual(['invalid-document']);
    expect(found[0]).toMatchObject({ nodeId: 'hello' });
    expect(found[0]?.message).toMatch(/^nodes\.1\.position\.x: /);
  });

  it('reports circular node data without throwing', () => {
    const data: Record<string, unknown> = { messages: [] };
    data.self = data;
    const flow = flowOf({ nodes: [start(), node('loop', 'message', data)] });
    const d = only(validateFlow(flow), 'invalid-document');
    expect(d).toMatchObject({ nodeId: 'loop' });
    expect(d.message).toMatch(/^nodes\.1\.data\.self: .*circular reference/);
  });

  it('reports circular nodes and values JSON cannot hold', () => {
    const nodes: unknown[] = [];
    nodes.push(nodes);
    expect(codesOf(validateFlow({ id: 'f', name: 'F', nodes }))).toContain('invalid-document');
    const found = validateFlow({ ...minimalFlow(), variables: [{ name: 'big', initial: 10n }] });
    expect(only(found, 'invalid-document').message).toMatch(/^variables\.0\.initial: is a bigint/);
  });

  it('reports a document nested too deeply to parse instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = validateFlow({ ...minimalFlow(), variables: [{ name: 'deep', initial: deep }] });
    const d = only(found, 'invalid-document');
    expect(d.message).toMatch(/^variables\.0\.initial\.0\.0\.0(\.0)+: is nested more than 200 levels deep$/);
  });

  it('reports getters that throw instead of throwing', () => {
    const hostile = {
      id: 'f',
      name: 'F',
      get nodes(): never {
        throw new Error('no nodes for you');
      },
    };
    const found = validateFlow(hostile);
    expect(codesOf(found)).toEqual(['invalid-document']);
    expect(found[0]?.message).toContain('no nodes for you');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true }),
        (input) => {
          const found = validateFlow(input);
          expect(found.length).toBeGreaterThan(0);
          expect(found.every((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on flows with arbitrary node data and edges', () => {
    const kinds = fc.constantFrom(
      'start',
      'message',
      'choice',
      'ask',
      'condition',
      'set-variable',
      'end',
      'x',
    );
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    const flows = fc.record({
      id: fc.constant('f'),
      name: fc.constant('F'),
      nodes: fc.array(fc.record({ id: ids, type: kinds, data: fc.dictionary(fc.string(), fc.jsonValue()) })),
      edges: fc.array(
        fc.record({ id: ids, source: ids, sourcePort: fc.constantFrom('next', 'else', 'yes'), target: ids }),
      ),
      variables: fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'count') })),
    });
    fc.assert(
      fc.property(flows, (flow) => {
        expect(Array.isArray(validateFlow(flow))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('validates a message-only flow read from JSON text', () => {
    const text = JSON.stringify(flowOf({ nodes: [start(), message('m')], edges: [] }));
    expect(codesOf(validateFlow(JSON.parse(text)))).toEqual([
      'required-port-unconnected',
      'required-port-unconnected',
      'unreachable-node',
    ]);
  });
});
