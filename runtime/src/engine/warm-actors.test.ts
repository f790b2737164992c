import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { countingEchoFlow } from '../server/durability/counting-echo-flow.ts';
import { type Conversation, loadVersion, startConversation, turnParsed, WarmActors } from './index.ts';

const say = (text: string) => ({ type: 'user.message' as const, text });

/** Asks, then counts through `length` set-variable nodes before asking again: many steps per turn. */
function longLoop(length: number, maxStepsPerTurn: number): FlowDocumentInput {
  const steps = Array.from({ length }, (_, i) => `s${i}`);
  return {
    id: 'long-loop',
    name: 'Long loop',
    variables: [{ name: 'n', initial: 0 }],
    settings: { limits: { maxStepsPerTurn, turnTimeoutMs: 15_000 } },
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'listen', type: 'ask', data: { prompt: 'n = {{n}}', variable: 'last' } },
      ...steps.map((id) => ({
        id,
        type: 'set-variable',
        data: { assignments: [{ variable: 'n', expression: 'n + 1' }] },
      })),
    ],
    edges: [
      { id: 'e-start', source: 'start', sourcePort: 'next', target: 'listen' },
      { id: 'e-listen', source: 'listen', sourcePort: 'next', target: steps[0] ?? 'listen' },
      ...steps.map((id, i) => ({
        id: `e-${id}`,
        source: id,
        sourcePort: 'next',
        target: steps[i + 1] ?? 'listen',
      })),
    ],
  };
}

describe('warm actors', () => {
  it('answer and persist exactly as a conversation restored from its snapshot every turn', async () => {
    const version = loadVersion({ flow: countingEchoFlow });
    const actors = new WarmActors();
    const opening = await startConversation(version, { channel: 'web' });
    let restored: Conversation = opening.conversation;
    let kept: Conversation = opening.conversation;
    for (let i = 1; i <= 20; i++) {
      const cold = await turnParsed(restored, say(`m${i}`));
      const warm = await turnParsed(kept, say(`m${i}`), { actors, key: 'conv' });
      expect(warm.messages).toEqual(cold.messages);
      expect(warm.conversation.snapshot).toBe(cold.conversation.snapshot);
      restored = cold.conversation;
      kept = warm.conversation;
    }
    expect(kept.snapshot).toContain('"count":20');
    expect(actors.size).toBe(1);
  });

  it('give the step budget to each turn afresh', async () => {
    // 30 steps a turn within a budget of 40: a kept actor that carried its count over would fail turn 2.
    const version = loadVersion({ flow: longLoop(30, 40) });
    const actors = new WarmActors();
    let conversation = (await startConversation(version, { channel: 'web' })).conversation;
    for (let i = 1; i <= 3; i++) {
      const result = await turnParsed(conversation, say('go'), { actors, key: 'conv' });
      expect(result.messages).toEqual([{ type: 'text', text: `n = ${30 * i}` }]);
      conversation = result.conversation;
    }
  });

  it('are used only at the snapshot they stand at: a turn that was not kept restores from the store', async () => {
    const version = loadVersion({ flow: countingEchoFlow });
    const actors = new WarmActors();
    const stored = (await startConversation(version, { channel: 'web' })).conversation;
    // A turn whose commit failed: its actor moved on, the store did not.
    await turnParsed(stored, say('lost'), { actors, key: 'conv' });
    const retried = await turnParsed(stored, say('again'), { actors, key: 'conv' });
    expect(retried.messages[0]).toEqual({ type: 'text', text: '#1 again' });
  });

  it('stop an actor that no longer matches, or that is dropped for room', async () => {
    const version = loadVersion({ flow: countingEchoFlow });
    const actors = new WarmActors(1);
    const first = await startConversation(version, { channel: 'web' });
    await turnParsed(first.conversation, say('a'), { actors, key: 'one' });
    expect(actors.take('one', first.conversation.snapshot)).toBeUndefined();
    expect(actors.size).toBe(0);

    const second = await startConversation(version, { channel: 'web' });
    const a = await turnParsed(first.conversation, say('a'), { actors, key: 'one' });
    await turnParsed(second.conversation, say('b'), { actors, key: 'two' });
    // Capacity 1: the first conversation's actor made room for the second's.
    expect(actors.size).toBe(1);
    expect(actors.take('one', a.conversation.snapshot)).toBeUndefined();
  });
});
