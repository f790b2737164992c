/** The smallest channel connector: each stdin line goes to a published flow, the bot's replies to stdout. */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { type BotMessage, createParleyClient } from '@parley/runtime/client';

function env(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (value) return value;
  console.error(`error: set ${name} (see examples/connector/README.md)`);
  process.exit(2);
}

function show(message: BotMessage): string {
  if (message.type === 'end') return `-- conversation ended: ${message.status}`;
  if (message.type === 'media') return `bot: ${message.url}`;
  if (message.type === 'text') return `bot: ${message.text}`;
  return [`bot: ${message.text}`, ...message.choices.map((choice) => `  - ${choice.label}`)].join('\n');
}

const parley = createParleyClient({ url: env('PARLEY_URL'), token: env('PARLEY_TOKEN') });
// Sends name the end user's address: the active conversation there gets them, or a new one starts.
const to = { flowId: env('PARLEY_FLOW'), environment: env('PARLEY_ENV', 'development') };
const from = { channel: 'stdin', address: `stdin-${process.pid}` };

for await (const text of createInterface({ input: process.stdin })) {
  // One id per line: the server answers a resent id with its first answer, never with a second turn.
  const event = { type: 'user.message', text } as const;
  try {
    const reply = await parley.conversations.send.mutate({ ...to, ...from, event, messageId: randomUUID() });
    for (const message of reply.messages) console.log(show(message));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
