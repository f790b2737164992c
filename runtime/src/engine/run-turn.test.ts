import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { loadVersion, startConversation, turn } from './index.ts';

/** start -> ask name -> call the API -> "Saved {{name}}" -> end; an API error ends unresolved. */
const saveName: FlowDocumentInput = {
  id: 'save-name',
  name: 'Save name',
  variables: [{ name: 'name' }, { name: 'failure' }],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'ask', data: { prompt: 'Your name?', variable: 'name' } },
    {
      id: 'save',
      type: 'http-request',
      data: { url: 'https://api.example.com/names/{{name}}', timeoutMs: 60_000, errorVariable: 'failure' },
    },
    { id: 'saved', type: 'message', data: { messages: [{ type: 'text', text: 'Saved {{name}}' }] } },
    { id: 'done', type: 'end', data: { status: 'resolved' } },
    { id: 'failed', type: 'end', data: { status: 'unresolved' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourcePort: 'next', target: 'save' },
    { id: 'e3', source: 'save', sourcePort: 'success', target: 'saved' },
    { id: 'e4', source: 'save', sourcePort: 'error', target: 'failed' },
    { id: 'e5', source: 'saved', sourcePort: 'next', target: 'done' },
  ],
  settings: { limits: { maxStepsPerTurn: 100, turnTimeoutMs: 200 } },
};

type HttpTransport = RuntimeDeps['http'];

const publicAddress = async () => ['93.184.216.34'];

async function askedName(http: HttpTransport) {
  const version = loadVersion({ flow: saveName }, { http, lookup: publicAddress });
  return (await startConversation(version, { channel: 'web' })).conversation;
}

describe('a turn that waits for an HTTP call', () => {
  it('settles when the call answers, with the messages said after it', async () => {
    const later: HttpTransport = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: 200, headers: {}, body: '' };
    };
    const result = await turn(await askedName(later), { type: 'user.message', text: 'Ada' });
    expect(result.messages).toEqual([
      { type: 'text', text: 'Saved Ada' },
      { type: 'end', status: 'resolved' },
    ]);
    expect(result.conversation.status).toBe('ended');
  });

  it('fails with TURN_TIMEOUT naming the node when the call outlasts the turn', async () => {
    let aborted = false;
    const never: HttpTransport = ({ signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(signal.reason);
        });
      });
    const conversation = await askedName(never);
    await expect(turn(conversation, { type: 'user.message', text: 'Ada' })).rejects.toMatchObject({
      code: 'TURN_TIMEOUT',
      nodeId: 'save',
      message: 'the turn took longer than 200 ms at node "save"',
    });
    // The abandoned turn stops its actor, which cancels the call.
    expect(aborted).toBe(true);
  });
});

describe('a turn that settles at once', () => {
  it('returns the next question and keeps the conversation going', async () => {
    const unused: HttpTransport = () => Promise.reject(new Error('no call expected'));
    const version = loadVersion({ flow: saveName }, { http: unused, lookup: publicAddress });
    const opening = await startConversation(version, { channel: 'web' });
    expect(opening.messages).toEqual([{ type: 'text', text: 'Your name?' }]);
    expect(opening.node).toBe('ask');
    expect(opening.conversation.status).toBe('active');
  });
});
