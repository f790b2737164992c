import type { TurnResult } from './conversation.ts';
import type { LoadedVersion } from './load-version.ts';
import { runTurn, type WarmTurn } from './run-turn.ts';

export type StartOptions = { channel: string; locale?: string };

/**
 * Starts a conversation on a loaded version and runs it to its first wait (usually a question); `warm`
 * keeps its actor running for the next turn (see WarmActors).
 */
export function startConversation(
  version: LoadedVersion,
  options: StartOptions,
  warm?: WarmTurn,
): Promise<TurnResult> {
  const locale = options.locale ?? version.flow.languages[0] ?? 'en';
  return runTurn(
    version,
    { channel: options.channel, locale },
    undefined,
    {
      type: 'parley.start',
      channel: options.channel,
      locale,
    },
    warm,
  );
}
