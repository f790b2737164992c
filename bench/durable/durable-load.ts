import http from 'node:http';
import {
  callMutation,
  countingEchoReply,
  DURABLE_ENVIRONMENT,
  type DurableServer,
} from '@parley/runtime/server/durability';

type Reply = { conversationId: string; messages: { type: string; text?: string }[] };

/**
 * Starts `count` conversations with the counting echo flow and checks that a send is answered as the flow
 * says, so the load that follows measures real turns; returns the conversation ids.
 */
export async function startConversations(
  durable: DurableServer,
  apiKey: string,
  count: number,
  tag: string,
): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true });
  const options = { apiKey, agent };
  const send = (input: Record<string, unknown>) =>
    callMutation<Reply>(durable.url, 'conversations.send', input, options);
  const ids: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const opening = await send({
        channel: 'bench',
        address: `${tag}-${i}`,
        flowId: durable.flowId,
        environment: DURABLE_ENVIRONMENT,
        messageId: 'hello',
        event: { type: 'user.message', text: 'hello' },
      });
      const check = await send({
        conversationId: opening.conversationId,
        messageId: 'check',
        event: { type: 'user.message', text: 'check' },
      });
      const expected = countingEchoReply(1, 'check');
      if (check.messages[0]?.text !== expected) {
        throw new Error(`the server answered ${JSON.stringify(check.messages)} instead of "${expected}"`);
      }
      ids.push(opening.conversationId);
    }
  } finally {
    agent.destroy();
  }
  return ids;
}

/** One body template a conversation: the load generator puts a fresh number in each message id and text. */
export function sendBodies(conversationIds: string[]): string[] {
  return conversationIds.map((conversationId) =>
    JSON.stringify({
      conversationId,
      messageId: 'm{seq}',
      event: { type: 'user.message', text: 'where is my order? {seq}' },
    }),
  );
}
