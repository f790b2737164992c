import type { FlowDocumentInput } from '@parley/shared';

/** Nodes per repeated group: ask -> set-variable -> condition -> message. */
export const GROUP_SIZE = 4;

export type GenerateOptions = {
  /**
   * Give every group its own expressions (`answered + 7`, `size(answer) > 7`) instead of repeating the
   * same ones, so validation checks each of them rather than answering from its memo.
   */
  distinctExpressions?: boolean;
};

/**
 * A flow of `nodeCount` nodes shaped like a long questionnaire: each group asks, counts, branches on
 * the answer and replies, so one turn crosses four nodes.
 */
export function generateFlow(nodeCount: number, options: GenerateOptions = {}): FlowDocumentInput {
  const groups = Math.max(1, Math.floor((nodeCount - 2) / GROUP_SIZE));
  const nodes: FlowDocumentInput['nodes'] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
  ];
  const edges: NonNullable<FlowDocumentInput['edges']> = [];
  const link = (source: string, sourcePort: string, target: string) =>
    edges.push({ id: `e${edges.length}`, source, sourcePort, target });
  let previous = { id: 'start', port: 'next' };
  for (let g = 0; g < groups; g++) {
    const y = g * 120;
    const increment = options.distinctExpressions ? g : 1;
    const limit = options.distinctExpressions ? g : 3;
    nodes.push(
      {
        id: `ask${g}`,
        type: 'ask',
        position: { x: 0, y },
        data: { prompt: `Question ${g}?`, variable: 'answer' },
      },
      {
        id: `count${g}`,
        type: 'set-variable',
        position: { x: 200, y },
        data: { assignments: [{ variable: 'answered', expression: `answered + ${increment}` }] },
      },
      {
        id: `check${g}`,
        type: 'condition',
        position: { x: 400, y },
        data: { branches: [{ port: 'long', expression: `size(answer) > ${limit}` }] },
      },
      {
        id: `reply${g}`,
        type: 'message',
        position: { x: 600, y },
        data: { messages: [{ type: 'text', text: 'Noted {{answer}} ({{answered}} so far)' }] },
      },
    );
    link(previous.id, previous.port, `ask${g}`);
    link(`ask${g}`, 'next', `count${g}`);
    link(`count${g}`, 'next', `check${g}`);
    link(`check${g}`, 'long', `reply${g}`);
    link(`check${g}`, 'else', `reply${g}`);
    previous = { id: `reply${g}`, port: 'next' };
  }
  while (nodes.length < nodeCount - 1) {
    const id = `note${nodes.length}`;
    nodes.push({
      id,
      type: 'message',
      position: { x: 0, y: 0 },
      data: { messages: [{ type: 'text', text: 'Almost done' }] },
    });
    link(previous.id, previous.port, id);
    previous = { id, port: 'next' };
  }
  nodes.push({ id: 'done', type: 'end', position: { x: 0, y: 0 }, data: { status: 'resolved' } });
  link(previous.id, previous.port, 'done');
  return {
    id: `generated-${nodeCount}`,
    name: `Generated ${nodeCount}-node flow`,
    variables: [
      { name: 'answer', type: 'string', initial: '' },
      { name: 'answered', type: 'number', initial: 0 },
    ],
    nodes,
    edges,
  };
}
