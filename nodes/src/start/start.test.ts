import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile-flow.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { startNode } from './definition.ts';

const flow: FlowDocumentInput = {
  id: 'start-fixture',
  name: 'Start fixture',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hello', type: 'message', data: { messages: [{ type: 'text', text: 'Hello on {{channel}}' }] } },
    { id: 'done', type: 'end', data: {} },
  ],
  edges: [edge('start', 'next', 'hello'), edge('hello', 'next', 'done')],
};

describe('start node: definition', () => {
  it('accepts its defaults and has one required port', () => {
    expect(startNode.configSchema.parse(startNode.defaults)).toEqual({});
    expect(startNode.ports({})).toEqual([{ name: 'next', label: 'Next', required: true }]);
    expect(startNode.waitsForInput).toBe(false);
  });
});

describe('start node: compile', () => {
  it('compiles to an eventless step to the next node', () => {
    expect(compiledState(flow, 'start')).toMatchSnapshot();
  });

  it('refuses a start whose next port is not connected', () => {
    expect(() => compileFlow({ ...flow, edges: [] })).toThrow('port "next" of node "start" is not connected');
  });

  it('refuses a flow with two starts', () => {
    const twoStarts = { ...flow, nodes: [...flow.nodes, { id: 'start2', type: 'start', data: {} }] };
    expect(() => compileFlow(twoStarts)).toThrow('a flow needs exactly one start node');
  });
});

describe('start node: runtime', () => {
  it('moves straight on to the node its next port leads to, knowing the channel', async () => {
    const { opening } = await runFlow(flow, { channel: 'whatsapp' });
    expect(opening.messages).toEqual([
      { type: 'text', text: 'Hello on whatsapp' },
      { type: 'end', status: 'resolved' },
    ]);
  });

  it('keeps the channel and language across a stored turn', async () => {
    const run = await runFlow(flow, { channel: 'sms', locale: 'fr', pauseAt: ['hello'] });
    expect(run.opening.messages).toEqual([{ type: 'text', text: 'Hello on sms' }]);
    expect(run.stored()).toMatchObject({ status: 'active', value: 'hello', context: { locale: 'fr' } });
    const next = await run.reply('ok');
    expect(next.resolution).toBe('resolved');
  });
});
