import type http from 'node:http';
import type { ConversationReply } from '../../services/conversations/conversation-types.ts';
import type { CrashingServer } from './crashing-server.ts';
import { callMutation, ServerUnreachable } from './trpc-call.ts';

/** One end-user message as the connector sends it, and the answer it finally got. */
export type Exchange = {
  messageId: string;
  text: string;
  reply: ConversationReply;
  /** Sends of this message that got no answer because the server died. */
  lostSends: number;
  /** The server generation the last lost send went to: a row it committed was never answered. */
  lastLostGeneration?: number;
};

export type SendContext = {
  server: CrashingServer;
  apiKey: string;
  agent: http.Agent;
  /** Called once per message when its answer arrives. */
  onAnswered: () => void;
};

/**
 * Sends one message until an answer arrives, as a connector does: a send lost to a crash is sent again
 * with the SAME message id once the server is back. A failure the server's death does not explain, or an
 * error answer, fails at once.
 */
export async function sendUntilAnswered(
  context: SendContext,
  input: Record<string, unknown> & { messageId: string; event: { type: 'user.message'; text: string } },
): Promise<Exchange> {
  let lostSends = 0;
  let lastLostGeneration: number | undefined;
  for (;;) {
    const { url, generation } = await context.server.up();
    try {
      const reply = await callMutation<ConversationReply>(url, 'conversations.send', input, {
        apiKey: context.apiKey,
        agent: context.agent,
      });
      context.onAnswered();
      const { messageId, event } = input;
      return {
        messageId,
        text: event.text,
        reply,
        lostSends,
        ...(lastLostGeneration === undefined ? {} : { lastLostGeneration }),
      };
    } catch (error) {
      if (!(error instanceof ServerUnreachable) || !context.server.wasCrashed(generation)) throw error;
      lostSends += 1;
      lastLostGeneration = generation;
    }
  }
}
