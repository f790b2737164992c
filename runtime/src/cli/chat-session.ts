import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  EngineError,
  type LoadedVersion,
  startConversation,
  type TurnResult,
  turn,
} from '../engine/index.ts';
import { EXIT_OK, EXIT_PROBLEM, type TextSink, writeLine } from './cli-io.ts';
import { parseUserLine } from './parse-user-line.ts';
import { renderTurn } from './render-turn.ts';

export type ChatSessionOptions = {
  version: LoadedVersion;
  channel: string;
  locale?: string;
  input: Readable;
  output: TextSink;
  errors: TextSink;
  /** Piped input is not shown by the terminal, so it is echoed as `you: ...` to read like a conversation. */
  echo: boolean;
  /** Set for a terminal: readline shows a `you: ` prompt there. */
  terminal?: NodeJS.WritableStream;
};

function show(result: TurnResult, output: TextSink): void {
  for (const line of renderTurn(result)) writeLine(output, line);
}

/**
 * Runs one conversation on the terminal: bot messages out, one user line in per turn, strictly in order.
 * Returns the exit code: 0 at the end of input or of the conversation, 1 when the engine fails.
 */
export async function runChatSession(options: ChatSessionOptions): Promise<number> {
  const { version, output, errors, echo } = options;
  const rl = createInterface({
    input: options.input,
    crlfDelay: Number.POSITIVE_INFINITY,
    ...(options.terminal
      ? { output: options.terminal, terminal: true, prompt: 'you: ' }
      : { terminal: false }),
  });
  // Ctrl+C at the prompt ends the chat like the end of input, closing the example API too.
  rl.on('SIGINT', () => {
    options.terminal?.write('\n');
    rl.close();
  });
  // Iterate from the start: lines that arrive while the first turn runs are queued, not dropped.
  const lines = rl[Symbol.asyncIterator]();
  try {
    let result = await startConversation(version, {
      channel: options.channel,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    show(result, output);
    while (result.conversation.status !== 'ended') {
      if (options.terminal) rl.prompt();
      const next = await lines.next();
      if (next.done) return EXIT_OK;
      const parsed = parseUserLine(next.value);
      if (parsed.kind === 'skip') continue;
      if (echo) writeLine(output, `you: ${next.value.trim()}`);
      if (parsed.kind === 'notice') {
        writeLine(errors, parsed.message);
        continue;
      }
      result = await turn(result.conversation, parsed.event);
      show(result, output);
    }
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    writeLine(errors, `error: ${error.message}`);
    return EXIT_PROBLEM;
  } finally {
    rl.close();
  }
}
