import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { turn } from '../../../runtime/src/engine/index.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { endConfigSchema, endNode, resolutionStatuses } from './definition.ts';

function endingWith(data: Record<string, unknown>): FlowDocumentInput {
  return {
    id: 'end-fixture',
    name: 'End fixture',
    languages: ['en', 'zh'],
    variables: [{ name: 'name', initial: 'Ada' }],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'hold', type: 'message', data: { messages: [{ type: 'text', text: 'One moment' }] } },
      { id: 'bye', type: 'end', data },
    ],
    edges: [edge('start', 'next', 'hold'), edge('hold', 'next', 'bye')],
  };
}

describe('end node: definition', () => {
  it('resolves by default and has no ports', () => {
    expect(endConfigSchema.parse(endNode.defaults)).toEqual({ status: 'resolved' });
    expect(endConfigSchema.parse({})).toEqual({ status: 'resolved' });
    expect(endNode.ports(endConfigSchema.parse({}))).toEqual([]);
  });

  it('refuses an unknown resolution status', () => {
    expect(endConfigSchema.safeParse({ status: 'done' }).success).toBe(false);
  });
});

describe('end node: compile', () => {
  it('compiles to a final state that resolves and says goodbye', () => {
    const flow = endingWith({ status: 'escalated', message: { en: 'Bye {{name}}', zh: '再见' } });
    expect(compiledState(flow, 'bye')).toMatchSnapshot();
  });
});

describe('end node: runtime', () => {
  it.each(resolutionStatuses)('ends the conversation as %s', async (status) => {
    const { opening } = await runFlow(endingWith({ status }));
    expect(opening.resolution).toBe(status);
    expect(opening.conversation.status).toBe('ended');
    expect(opening.node).toBe('bye');
    expect(opening.messages.at(-1)).toEqual({ type: 'end', status });
  });

  it('says its goodbye in the conversation language before the end marker', async () => {
    const flow = endingWith({ message: { en: 'Bye {{name}}', zh: '再见 {{name}}' } });
    const { opening } = await runFlow(flow, { locale: 'zh' });
    expect(opening.messages.slice(1)).toEqual([
      { type: 'text', text: '再见 Ada' },
      { type: 'end', status: 'resolved' },
    ]);
  });

  it('refuses further messages once ended', async () => {
    const { opening } = await runFlow(endingWith({}));
    await expect(turn(opening.conversation, { type: 'user.message', text: 'hello?' })).rejects.toMatchObject({
      code: 'CONVERSATION_ENDED',
    });
  });

  it('ends a conversation restored from a stored turn, and the ended snapshot stores as JSON', async () => {
    const run = await runFlow(endingWith({ status: 'escalated', message: 'Passing you to an agent' }), {
      pauseAt: ['hold'],
    });
    expect(run.opening.resolution).toBeNull();
    expect(run.stored()).toMatchObject({ status: 'active', value: 'hold' });
    const last = await run.reply('ok');
    expect(last.messages).toEqual([
      { type: 'text', text: 'Passing you to an agent' },
      { type: 'end', status: 'escalated' },
    ]);
    expect(last.resolution).toBe('escalated');
    expect(run.stored()).toMatchObject({ status: 'done', value: 'bye', context: { node: 'bye' } });
  });
});
