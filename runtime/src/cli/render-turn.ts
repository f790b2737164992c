import type { TurnResult } from '../engine/index.ts';
import { endLine, renderMessage } from './plain-text-renderer.ts';

/** The plain-text lines of one turn's bot messages, closed by the end line when the conversation ended. */
export function renderTurn(result: TurnResult): string[] {
  const lines = result.messages.flatMap(renderMessage);
  // A hang-up ends the conversation without an end message; the user still learns how it ended.
  const announced = result.messages.some((m) => m.type === 'end');
  if (result.conversation.status === 'ended' && !announced) lines.push(endLine(result.resolution ?? 'ended'));
  return lines;
}
