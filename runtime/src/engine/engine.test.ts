import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { EngineError, loadVersion, startConversation, turn } from './index.ts';

const greeting: FlowDocumentInput = {
  id: 'greeting',
  name: 'Greeting',
  languages: ['en', 'zh'],
  variables: [{ name: 'name', initial: 'Ada' }],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'hello',
      type: 'message',
      data: { messages: [{ type: 'text', text: { en: 'Hi {{name}}', zh: '你好 {{name}}' } }] },
    },
    { id: 'bye', type: 'end', data: { status: 'resolved', message: 'Bye' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourcePort: 'next', target: 'bye' },
  ],
};

describe('turn engine', () => {
  it('runs a flow to its end and reports the resolution', async () => {
    const result = await startConversation(loadVersion({ flow: greeting }), { channel: 'web' });
    expect(result.messages).toEqual([
      { type: 'text', text: 'Hi Ada' },
      { type: 'text', text: 'Bye' },
      { type: 'end', status: 'resolved' },
    ]);
    expect(result.conversation.status).toBe('ended');
    expect(result.resolution).toBe('resolved');
  });

  it('speaks the conversation language', async () => {
    const result = await startConversation(loadVersion({ flow: greeting }), {
      channel: 'web',
      locale: 'zh-CN',
    });
    expect(result.messages[0]).toEqual({ type: 'text', text: '你好 Ada' });
  });

  it('refuses events on an ended conversation with a clear error', async () => {
    const { conversation } = await startConversation(loadVersion({ flow: greeting }), { channel: 'web' });
    await expect(turn(conversation, { type: 'user.message', text: 'hi' })).rejects.toMatchObject({
      code: 'CONVERSATION_ENDED',
    });
  });

  it('rejects a malformed event naming the field', async () => {
    const { conversation } = await startConversation(loadVersion({ flow: greeting }), { channel: 'web' });
    const bad = { type: 'user.dtmf', digits: 'abc' } as const;
    await expect(turn(conversation, bad)).rejects.toBeInstanceOf(EngineError);
    await expect(turn(conversation, bad)).rejects.toThrow(/digits/);
  });
});
