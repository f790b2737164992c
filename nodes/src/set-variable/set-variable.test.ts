import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile-flow.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { setVariableConfigSchema, setVariableNode } from './definition.ts';

function setting(assignments: { variable: string; expression: string }[]): FlowDocumentInput {
  return {
    id: 'set-variable-fixture',
    name: 'Set variable fixture',
    variables: [
      { name: 'price', initial: 20 },
      { name: 'quantity', initial: 3 },
      { name: 'subtotal' },
      { name: 'total' },
      { name: 'summary' },
      { name: 'tags', initial: ['new'] },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'compute', type: 'set-variable', data: { assignments } },
      { id: 'show', type: 'message', data: { messages: [{ type: 'text', text: '{{summary}}' }] } },
      { id: 'done', type: 'end', data: {} },
    ],
    edges: [edge('start', 'next', 'compute'), edge('compute', 'next', 'show'), edge('show', 'next', 'done')],
  };
}

const checkout = setting([
  { variable: 'subtotal', expression: 'price * quantity' },
  { variable: 'total', expression: 'subtotal * 1.1' },
  { variable: 'summary', expression: '"Total: " + string(total)' },
]);

describe('set-variable node: definition', () => {
  it('accepts its defaults and declares the variables it writes', () => {
    const config = setVariableConfigSchema.parse(setVariableNode.defaults);
    expect(setVariableNode.writes(config)).toEqual(['result']);
    expect(setVariableNode.ports(config)).toEqual([{ name: 'next', label: 'Next', required: true }]);
  });

  it('refuses an invalid variable name, an empty expression and no assignments', () => {
    const parse = (assignments: unknown) => setVariableConfigSchema.safeParse({ assignments });
    expect(parse([{ variable: '1st', expression: '1' }]).success).toBe(false);
    expect(parse([{ variable: 'a', expression: '' }]).success).toBe(false);
    expect(parse([]).success).toBe(false);
  });
});

describe('set-variable node: compile', () => {
  it('assigns on entry, then moves on', () => {
    expect(compiledState(checkout, 'compute')).toMatchSnapshot();
  });

  it('refuses an unconnected next port', () => {
    expect(() => compileFlow({ ...checkout, edges: checkout.edges?.slice(0, 1) })).toThrow(
      'port "next" of node "compute" is not connected',
    );
  });
});

describe('set-variable node: runtime', () => {
  it('applies assignments in order, each seeing the ones before it', async () => {
    const { opening } = await runFlow(checkout);
    expect(opening.vars).toMatchObject({ subtotal: 60, total: 66, summary: 'Total: 66' });
    expect(opening.messages[0]).toEqual({ type: 'text', text: 'Total: 66' });
  });

  it('stores JSON values: lists, maps, booleans and whole numbers as numbers', async () => {
    const { opening } = await runFlow(
      setting([
        { variable: 'tags', expression: 'tags + ["vip"]' },
        { variable: 'summary', expression: '{"count": size(tags), "vip": "vip" in tags}' },
      ]),
    );
    expect(opening.vars.tags).toEqual(['new', 'vip']);
    expect(opening.vars.summary).toEqual({ count: 2, vip: true });
  });

  it('stores null for a failing expression, says why in lastError and goes on', async () => {
    const run = await runFlow(
      setting([
        { variable: 'subtotal', expression: 'price * discount' },
        { variable: 'summary', expression: '"after the failure"' },
      ]),
    );
    expect(run.opening.vars).toMatchObject({ subtotal: null, summary: 'after the failure' });
    expect(run.opening.messages[0]).toEqual({ type: 'text', text: 'after the failure' });
    expect(run.stored().context.lastError).toMatch(
      /^node "compute": "subtotal" was set to null: Expression `price \* discount` failed: .*discount/,
    );
  });

  // Regression: a next port looping back to its own node did not re-enter it, so the assignments ran once
  // and the engine reported FLOW_STUCK instead of the step limit.
  it('runs the assignments again when next loops back to the same node', async () => {
    const flow = setting([{ variable: 'quantity', expression: 'quantity + 1' }]);
    const edges = (flow.edges ?? []).map((e) =>
      e.source === 'compute' ? edge('compute', 'next', 'compute') : e,
    );
    await expect(runFlow({ ...flow, edges })).rejects.toMatchObject({
      code: 'TURN_STEP_LIMIT',
      message: expect.stringContaining('ran 100 steps'),
    });
  });

  it('keeps the values across a stored turn', async () => {
    const run = await runFlow(checkout, { pauseAt: ['show'] });
    expect(run.stored()).toMatchObject({ value: 'show', context: { vars: { total: 66 } } });
    const next = await run.reply('ok');
    expect(next.vars).toMatchObject({ subtotal: 60, total: 66, summary: 'Total: 66' });
    expect(next.resolution).toBe('resolved');
  });
});
