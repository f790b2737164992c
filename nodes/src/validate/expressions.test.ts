import { describe, expect, it } from 'vitest';
import {
  ask,
  chain,
  condition,
  edge,
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

/** start -> the given node -> done, with the given variables. */
function around(middle: ReturnType<typeof node>, variables: string[] = []) {
  return flowOf({ nodes: [start(), middle, end()], edges: chain('start', middle.id, 'done'), variables });
}

describe('undeclared-variable in reads', () => {
  it('reports a template placeholder reading an undeclared name, suggesting the declared one', () => {
    const d = only(validateFlow(around(message('hello', 'Hi {{ nmae }}!'), ['name'])), 'undeclared-variable');
    expect(d).toMatchObject({ severity: 'error', nodeId: 'hello' });
    expect(d.message).toBe(
      'node "hello" (message): data.messages.0: {{ nmae }} reads "nmae", which is not a declared variable. ' +
        'Declare "nmae" in the flow\'s variables, or fix the name. Did you mean "name"?',
    );
  });

  it('checks every language of a localised text', () => {
    const flow = around(message('hello', { en: 'Hi {{ name }}', fr: 'Salut {{ prenom }}' } as never), [
      'name',
    ]);
    expect(only(validateFlow(flow), 'undeclared-variable').message).toContain('reads "prenom"');
  });

  it('reports every undeclared name of one expression', () => {
    const flow = flowOf({
      nodes: [start(), condition('check', 'orderId > 0 && status == "open"'), end()],
      edges: [edge('start', 'check'), edge('check', 'done', 'yes'), edge('check', 'done', 'else')],
    });
    const found = withCode(validateFlow(flow), 'undeclared-variable');
    expect(found.map((d) => d.nodeId)).toEqual(['check', 'check']);
    expect(found[0]?.message).toContain(
      'data.branches.0.expression: `orderId > 0 && status == "open"` reads "orderId"',
    );
    expect(found[1]?.message).toContain('reads "status"');
  });

  it('lets expressions read built-ins and macro variables', () => {
    const flow = around(setVariable('set', 'tags', '[channel, locale].filter(t, size(t) > 0)'), ['tags']);
    expect(validateFlow(flow)).toEqual([]);
  });

  it('lets an HTTP response mapping read `response`, and nothing else', () => {
    const lookup = node('lookup', 'http-request', {
      url: 'https://api.example.com/{{ response }}',
      responseMapping: [{ variable: 'total', expression: 'response.body.total' }],
    });
    const flow = flowOf({
      nodes: [start(), lookup, end()],
      edges: [
        edge('start', 'lookup'),
        edge('lookup', 'done', 'success'),
        edge('lookup', 'done', 'error', 'e3'),
      ],
      variables: ['total'],
    });
    const d = only(validateFlow(flow), 'undeclared-variable');
    expect(d.message).toContain('data.url: {{ response }} reads "response"');
    expect(d.message).toContain("only be read in an HTTP request's response mapping");
  });

  it('reports a name once per node even when several texts read it', () => {
    const flow = around(ask('q', 'answer', 'Hi {{ who }}, {{ who }}?'), ['answer']);
    expect(withCode(validateFlow(flow), 'undeclared-variable')).toHaveLength(1);
  });
});

describe('invalid-expression', () => {
  it('reports an expression that does not parse', () => {
    const d = only(
      validateFlow(around(setVariable('calc', 'total', 'total +'), ['total'])),
      'invalid-expression',
    );
    expect(d).toMatchObject({ severity: 'error', nodeId: 'calc' });
    expect(d.message).toContain(
      'node "calc" (set-variable): data.assignments.0.expression: `total +` is not a valid expression',
    );
    expect(d.message).toContain('Fix the expression');
  });

  it('reports a type error CEL finds before running', () => {
    const flow = flowOf({
      nodes: [start(), condition('check', 'true && 1'), end()],
      edges: [edge('start', 'check'), edge('check', 'done', 'yes'), edge('check', 'done', 'else')],
    });
    expect(only(validateFlow(flow), 'invalid-expression').message).toContain('bool');
  });

  it('reports an empty placeholder in a template', () => {
    const d = only(validateFlow(around(message('hello', 'Hi {{ }}'))), 'invalid-expression');
    expect(d.message).toContain('data.messages.0: {{  }} is not a valid expression: the expression is empty');
    expect(d.message).toContain('remove the braces');
  });

  it('still reports syntax when the variable list cannot be read', () => {
    const flow = { ...around(message('hello', 'Hi {{ name }} {{ 1 + }}')), variables: 'name' };
    const found = validateFlow(flow);
    expect(withCode(found, 'undeclared-variable')).toEqual([]);
    expect(only(found, 'invalid-expression').nodeId).toBe('hello');
  });
});
