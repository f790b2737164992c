import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile-flow.ts';
import { compiledState, edge, runFlow } from '../testing/flow-harness.ts';
import { messageConfigSchema, messageNode } from './definition.ts';

const flow: FlowDocumentInput = {
  id: 'message-fixture',
  name: 'Message fixture',
  languages: ['en', 'zh'],
  variables: [
    { name: 'name', initial: 'Ada' },
    { name: 'orderId', initial: 'AB-1001' },
  ],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'greet',
      type: 'message',
      data: {
        messages: [
          { type: 'text', text: { en: 'Hi {{name}}', zh: '你好 {{name}}' } },
          {
            type: 'media',
            mediaType: 'image',
            url: 'https://cdn.example.com/orders/{{orderId}}.png',
            caption: { en: 'Order {{orderId}}', zh: '订单 {{orderId}}' },
          },
        ],
      },
    },
    {
      id: 'later',
      type: 'message',
      data: { messages: [{ type: 'text', text: { en: 'Still here', zh: '还在' } }] },
    },
    { id: 'done', type: 'end', data: {} },
  ],
  edges: [edge('start', 'next', 'greet'), edge('greet', 'next', 'later'), edge('later', 'next', 'done')],
};

describe('message node: definition', () => {
  it('accepts its defaults', () => {
    expect(messageConfigSchema.parse(messageNode.defaults)).toEqual({
      messages: [{ type: 'text', text: 'Hello!' }],
    });
  });

  it('refuses a message with nothing to say and media without a URL', () => {
    expect(messageConfigSchema.safeParse({ messages: [] }).success).toBe(false);
    expect(messageConfigSchema.safeParse({ messages: [{ type: 'media', mediaType: 'image' }] }).success).toBe(
      false,
    );
  });

  it('lists every language variant of its texts for validation', () => {
    const config = messageConfigSchema.parse({
      messages: [{ type: 'text', text: { en: 'a {{x}}', zh: 'b' } }],
    });
    expect(messageNode.expressions(config).map((e) => e.source)).toEqual(['a {{x}}', 'b']);
  });
});

describe('message node: compile', () => {
  it('says its messages on entry, then moves on', () => {
    expect(compiledState(flow, 'greet')).toMatchSnapshot();
  });

  it('refuses a message whose next port is not connected', () => {
    expect(() => compileFlow({ ...flow, edges: flow.edges?.slice(0, 1) })).toThrow(
      'port "next" of node "greet" is not connected',
    );
  });
});

describe('message node: runtime', () => {
  it('says texts and media with variables filled in, then follows next', async () => {
    const { opening } = await runFlow(flow);
    expect(opening.messages).toEqual([
      { type: 'text', text: 'Hi Ada' },
      {
        type: 'media',
        mediaType: 'image',
        url: 'https://cdn.example.com/orders/AB-1001.png',
        caption: 'Order AB-1001',
      },
      { type: 'text', text: 'Still here' },
      { type: 'end', status: 'resolved' },
    ]);
  });

  it('speaks the conversation language, falling back to the flow default', async () => {
    const zh = await runFlow(flow, { locale: 'zh-TW' });
    expect(zh.opening.messages[0]).toEqual({ type: 'text', text: '你好 Ada' });
    const de = await runFlow(flow, { locale: 'de' });
    expect(de.opening.messages[0]).toEqual({ type: 'text', text: 'Hi Ada' });
  });

  it('renders a placeholder that fails as empty instead of stopping the conversation', async () => {
    const broken: FlowDocumentInput = {
      ...flow,
      nodes: flow.nodes.map((n) =>
        n.id === 'greet' ? { ...n, data: { messages: [{ type: 'text', text: 'Hi {{nobody.name}}!' }] } } : n,
      ),
    };
    const { opening } = await runFlow(broken);
    expect(opening.messages[0]).toEqual({ type: 'text', text: 'Hi !' });
  });

  it('keeps speaking the same language after a stored turn', async () => {
    const run = await runFlow(flow, { locale: 'zh', pauseAt: ['greet'] });
    expect(run.opening.messages.map((m) => m.type)).toEqual(['text', 'media']);
    expect(run.stored()).toMatchObject({ value: 'greet', context: { locale: 'zh' } });
    const next = await run.reply('好');
    expect(next.messages[0]).toEqual({ type: 'text', text: '还在' });
  });
});
