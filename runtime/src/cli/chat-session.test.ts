import { Readable } from 'node:stream';
import type { FlowDocumentInput } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { loadVersion } from '../engine/index.ts';
import { runChatSession } from './chat-session.ts';

const ask: FlowDocumentInput = {
  id: 'ask-name',
  name: 'Ask name',
  variables: [{ name: 'name' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'askName', type: 'ask', data: { prompt: 'Name?', variable: 'name' } },
    { id: 'bye', type: 'end', data: { message: 'Bye {{name}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'askName' },
    { id: 'e2', source: 'askName', sourcePort: 'next', target: 'bye' },
  ],
};

// Validation would refuse this busy loop; the session must still fail cleanly when the engine does.
const busyLoop: FlowDocumentInput = {
  id: 'busy',
  name: 'Busy loop',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'spin', type: 'condition', data: { branches: [{ port: 'never', expression: 'false' }] } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'spin' },
    { id: 'e2', source: 'spin', sourcePort: 'never', target: 'done' },
    { id: 'e3', source: 'spin', sourcePort: 'else', target: 'spin' },
  ],
};

async function session(flow: FlowDocumentInput, input: string, echo = true) {
  const output: string[] = [];
  const errors: string[] = [];
  const code = await runChatSession({
    version: loadVersion({ flow }),
    channel: 'web',
    input: Readable.from([input]),
    output: { write: (text: string) => output.push(text) },
    errors: { write: (text: string) => errors.push(text) },
    echo,
  });
  return { code, output: output.join(''), errors: errors.join('') };
}

describe('chat session', () => {
  it('skips blank lines, explains a mistyped command and sends the next line', async () => {
    const run = await session(ask, '\n/choice\nAda\n');
    expect(run.output).toBe(
      ['bot: Name?', 'you: /choice', 'you: Ada', 'bot: Bye Ada', '-- conversation ended: resolved', ''].join(
        '\n',
      ),
    );
    expect(run.errors).toMatch(/\/choice needs the value/);
    expect(run.code).toBe(0);
  });

  it('does not echo the user lines a terminal already shows', async () => {
    const run = await session(ask, 'Ada\n', false);
    expect(run.output).not.toContain('you:');
  });

  it('announces how a hung-up conversation ended', async () => {
    const run = await session(ask, '/hangup\n');
    expect(run.output.trim().split('\n').at(-1)).toBe('-- conversation ended: abandoned');
  });

  it('prints an engine failure as one error line and exits 1', async () => {
    const run = await session(busyLoop, '');
    expect(run.errors).toMatch(/^error: the flow ran \d+ steps without waiting for the user/);
    expect(run.code).toBe(1);
  });
});
