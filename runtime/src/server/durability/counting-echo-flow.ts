import type { FlowDocumentInput } from '@parley/shared';

export const COUNTING_ECHO_NAME = 'Counting echo';
export const COUNTING_ECHO_GREETING = 'Hello';
export const COUNTING_ECHO_PROMPT = 'Say something';

/** The reply to the `count`th message the flow was fed, whose text was `text`. */
export const countingEchoReply = (count: number, text: string) => `#${count} ${text}`;

/**
 * Greets, then answers every message with `#<count> <text>` and asks again, forever. The count makes
 * state visible: a turn lost, repeated or taken out of order shows up as a wrong number in a reply.
 * No timers, so nothing but the end user's messages moves a conversation.
 */
export const countingEchoFlow: FlowDocumentInput = {
  id: 'counting-echo',
  name: COUNTING_ECHO_NAME,
  variables: [
    { name: 'count', initial: 0 },
    { name: 'last', initial: '' },
  ],
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hello', type: 'message', data: { messages: [{ type: 'text', text: COUNTING_ECHO_GREETING }] } },
    { id: 'listen', type: 'ask', data: { prompt: COUNTING_ECHO_PROMPT, variable: 'last' } },
    {
      id: 'count',
      type: 'set-variable',
      data: { assignments: [{ variable: 'count', expression: 'count + 1' }] },
    },
    { id: 'echo', type: 'message', data: { messages: [{ type: 'text', text: '#{{count}} {{last}}' }] } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourcePort: 'next', target: 'listen' },
    { id: 'e3', source: 'listen', sourcePort: 'next', target: 'count' },
    { id: 'e4', source: 'count', sourcePort: 'next', target: 'echo' },
    { id: 'e5', source: 'echo', sourcePort: 'next', target: 'listen' },
  ],
};
