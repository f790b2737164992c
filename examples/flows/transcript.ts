import { readFile } from 'node:fs/promises';
import { type Conversation, loadVersion, startConversation, type TurnResult, turn } from '@parley/runtime';
import {
  type FlowDocument,
  type FlowDocumentInput,
  flowDocumentSchema,
  type JsonValue,
} from '@parley/shared';
// The CLI's own line parser and renderer, so these transcripts read exactly like `pnpm parley chat`.
import { parseUserLine } from '../../runtime/src/cli/parse-user-line.ts';
import { renderTurn } from '../../runtime/src/cli/render-turn.ts';

export type Transcript = { lines: string[]; resolution: string | null; vars: Record<string, JsonValue> };

/** A conversation as a store would keep it: plain JSON, snapshot included as a JSON value. */
function persist(conversation: Conversation): string {
  const { channel, locale, status, snapshot } = conversation;
  return JSON.stringify({ channel, locale, status, snapshot: JSON.parse(snapshot) as JsonValue });
}

/** Restores into a freshly loaded machine, as another server process would. */
function restore(stored: string, flow: FlowDocumentInput): Conversation {
  const row = JSON.parse(stored) as Omit<Conversation, 'version' | 'snapshot'> & { snapshot: JsonValue };
  return { ...row, snapshot: JSON.stringify(row.snapshot), version: loadVersion({ flow }) };
}

/**
 * Runs a scripted conversation through the engine, one user line (CLI syntax) per turn, and returns what
 * the CLI would print. Between turns the conversation goes through JSON and a new machine.
 */
export async function runTranscript(
  flow: FlowDocumentInput,
  options: { locale: string; channel?: string; beforeTurn?: (line: string) => Promise<void> },
  userLines: string[],
): Promise<Transcript> {
  let result: TurnResult = await startConversation(loadVersion({ flow }), {
    channel: options.channel ?? 'web',
    locale: options.locale,
  });
  const lines = renderTurn(result);
  for (const line of userLines) {
    if (result.conversation.status === 'ended') {
      throw new Error(
        `the conversation ended before the user said "${line}"; transcript so far:\n${lines.join('\n')}`,
      );
    }
    const parsed = parseUserLine(line);
    if (parsed.kind !== 'event') throw new Error(`"${line}" is not a user event in the CLI syntax`);
    lines.push(`you: ${line}`);
    await options.beforeTurn?.(line);
    result = await turn(restore(persist(result.conversation), flow), parsed.event);
    lines.push(...renderTurn(result));
  }
  return { lines, resolution: result.resolution, vars: result.vars };
}

/** Reads an example flow the way the CLI does: from its JSON file. */
export async function readExampleFlow(name: string): Promise<FlowDocument> {
  const text = await readFile(new URL(`./${name}.flow.json`, import.meta.url), 'utf8');
  return flowDocumentSchema.parse(JSON.parse(text));
}
