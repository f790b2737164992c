import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { loadVersion, startConversation } from '../../../runtime/src/engine/index.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { conditionConfigSchema, conditionNode } from './definition.ts';

const say = (id: string, text: string) => ({
  id,
  type: 'message',
  data: { messages: [{ type: 'text', text }] },
});

/** start -> route (vip | big | else) -> one message per port -> end; `total` and `tier` drive the branches. */
function routing(vars: { total?: unknown; tier?: unknown }, branches?: unknown): FlowDocumentInput {
  return {
    id: 'condition-fixture',
    name: 'Condition fixture',
    variables: [
      { name: 'total', initial: (vars.total ?? 0) as number },
      { name: 'tier', initial: (vars.tier ?? 'basic') as string },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'route',
        type: 'condition',
        data: {
          branches: branches ?? [
            { port: 'vip', label: 'VIP', expression: 'tier == "gold"' },
            { port: 'big', expression: 'total > 100' },
          ],
        },
      },
      say('toVip', 'vip'),
      say('toBig', 'big'),
      say('toElse', 'else'),
      { id: 'done', type: 'end', data: {} },
    ],
    edges: [
      edge('start', 'next', 'route'),
      edge('route', 'vip', 'toVip'),
      edge('route', 'big', 'toBig'),
      edge('route', 'else', 'toElse'),
      edge('toVip', 'next', 'done'),
      edge('toBig', 'next', 'done'),
      edge('toElse', 'next', 'done'),
    ],
  };
}

async function portTaken(flow: FlowDocumentInput) {
  const run = await runFlow(flow);
  return { said: run.opening.messages[0], lastError: run.stored().context.lastError };
}

describe('condition node: definition', () => {
  it('accepts its defaults and offers one port per branch plus else', () => {
    const config = conditionConfigSchema.parse(conditionNode.defaults);
    expect(conditionNode.ports(config)).toEqual([
      { name: 'yes', label: 'true', required: true },
      { name: 'else', label: 'Else', required: true },
    ]);
  });

  it('refuses a branch named else, two branches with one port, and no branches at all', () => {
    const parse = (branches: unknown) => conditionConfigSchema.safeParse({ branches });
    expect(parse([{ port: 'else', expression: 'true' }]).error?.issues[0]?.message).toBe(
      '"else" is reserved',
    );
    expect(
      parse([
        { port: 'a', expression: 'true' },
        { port: 'a', expression: 'false' },
      ]).error?.issues[0]?.message,
    ).toBe('two branches have the same port');
    expect(parse([]).success).toBe(false);
    expect(parse([{ port: 'has space', expression: 'true' }]).success).toBe(false);
  });
});

describe('condition node: compile', () => {
  it('compiles to one guarded transition per branch, in order, then else', () => {
    expect(compiledState(routing({}), 'route')).toMatchSnapshot();
  });

  it('refuses an unconnected branch port', () => {
    const flow = routing({});
    const edges = flow.edges?.filter((e) => e.sourcePort !== 'big');
    expect(() => compileFlow({ ...flow, edges })).toThrow('port "big" of node "route" is not connected');
  });
});

describe('condition node: runtime', () => {
  it('takes the first true branch, in order', async () => {
    expect((await portTaken(routing({ tier: 'gold', total: 500 }))).said).toEqual({
      type: 'text',
      text: 'vip',
    });
    expect((await portTaken(routing({ tier: 'basic', total: 500 }))).said).toEqual({
      type: 'text',
      text: 'big',
    });
  });

  it('takes else when no branch is true', async () => {
    const { said, lastError } = await portTaken(routing({ tier: 'basic', total: 5 }));
    expect(said).toEqual({ type: 'text', text: 'else' });
    expect(lastError).toBeNull();
  });

  it('counts a failing expression as false, says why in lastError and goes on', async () => {
    const { said, lastError } = await portTaken(
      routing({ total: 500 }, [
        { port: 'vip', expression: 'customer.tier == "gold"' },
        { port: 'big', expression: 'total > 100' },
      ]),
    );
    expect(said).toEqual({ type: 'text', text: 'big' });
    expect(lastError).toMatch(
      /^node "route": branch "vip" counted as false: Expression `customer.tier == "gold"`/,
    );
  });

  it('counts a non-boolean result as false and names the value', async () => {
    const { said, lastError } = await portTaken(
      routing({}, [
        { port: 'vip', expression: 'tier' },
        { port: 'big', expression: 'false' },
      ]),
    );
    expect(said).toEqual({ type: 'text', text: 'else' });
    expect(lastError).toContain('a condition must be true or false, got "basic"');
  });

  // Regression: a branch looping back to its own node did not re-enter it, so the loop went uncounted and
  // the engine reported FLOW_STUCK ("nowhere to go") instead of the step limit.
  it('stops a branch that loops back to its own condition at the step budget', async () => {
    const loop: FlowDocumentInput = {
      id: 'loop',
      name: 'Loop',
      settings: { limits: { maxStepsPerTurn: 20, turnTimeoutMs: 5_000 } },
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'again', type: 'condition', data: { branches: [{ port: 'yes', expression: 'true' }] } },
        { id: 'done', type: 'end', data: {} },
      ],
      edges: [edge('start', 'next', 'again'), edge('again', 'yes', 'again'), edge('again', 'else', 'done')],
    };
    await expect(startConversation(loadVersion({ flow: loop }), { channel: 'web' })).rejects.toMatchObject({
      code: 'TURN_STEP_LIMIT',
    });
  });

  it('decides with the variables restored from a stored turn', async () => {
    const flow = routing({ tier: 'basic' });
    const withSetter: FlowDocumentInput = {
      ...flow,
      nodes: [
        ...flow.nodes,
        say('hold', 'upgrading you'),
        {
          id: 'upgrade',
          type: 'set-variable',
          data: { assignments: [{ variable: 'tier', expression: '"gold"' }] },
        },
      ],
      edges: [
        ...(flow.edges ?? []).filter((e) => e.source !== 'start'),
        edge('start', 'next', 'upgrade'),
        edge('upgrade', 'next', 'hold'),
        edge('hold', 'next', 'route'),
      ],
    };
    const run = await runFlow(withSetter, { pauseAt: ['hold'] });
    expect(run.stored()).toMatchObject({ value: 'hold', context: { vars: { tier: 'gold' } } });
    const next = await run.reply('ok');
    expect(next.messages[0]).toEqual({ type: 'text', text: 'vip' });
  });
});
