import type { FlowDocument, FlowDocumentInput } from '@parley/shared';

/** Test support for the simulator suites: a small desk flow and edits an author would make to it. */

const edge = (source: string, target: string, sourcePort = 'next') => ({
  id: `${source}-${sourcePort}`,
  source,
  sourcePort,
  target,
});

/**
 * start -> greet (message) -> menu (choice: billing | support, into `topic`) -> card (ask, into the
 * sensitive `card`) -> thanks (message naming the topic) -> done (end, resolved).
 */
export function deskFlow(id = 'desk'): FlowDocumentInput {
  return {
    id,
    name: 'Desk',
    variables: [
      { name: 'topic', type: 'string', initial: null },
      { name: 'card', type: 'string', initial: null, sensitive: true },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'greet', type: 'message', data: { messages: [{ type: 'text', text: 'Welcome to the desk' }] } },
      {
        id: 'menu',
        type: 'choice',
        data: {
          prompt: 'What is it about?',
          variable: 'topic',
          choices: [
            { value: 'billing', label: 'Billing' },
            { value: 'support', label: 'Support' },
          ],
        },
      },
      { id: 'card', type: 'ask', data: { prompt: 'Your card number?', variable: 'card' } },
      {
        id: 'thanks',
        type: 'message',
        data: { messages: [{ type: 'text', text: 'Thanks, we will look into {{topic}}' }] },
      },
      { id: 'done', type: 'end', data: { status: 'resolved' } },
    ],
    edges: [
      edge('start', 'greet'),
      edge('greet', 'menu'),
      edge('menu', 'card', 'billing'),
      edge('menu', 'card', 'support'),
      edge('card', 'thanks'),
      edge('thanks', 'done'),
    ],
  };
}

/** The draft with the text of message node `nodeId` replaced. */
export function withText(draft: FlowDocument, nodeId: string, text: string): FlowDocument {
  const next = structuredClone(draft);
  const node = next.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`the flow has no node "${nodeId}"`);
  node.data = { messages: [{ type: 'text', text }] };
  return next;
}

/** The draft without the `card` question: the menu leads straight to `thanks`. */
export function withoutCard(draft: FlowDocument): FlowDocument {
  const next = structuredClone(draft);
  next.nodes = next.nodes.filter((n) => n.id !== 'card');
  next.edges = next.edges
    .filter((e) => e.source !== 'card')
    .map((e) => (e.target === 'card' ? { ...e, target: 'thanks' } : e));
  return next;
}
