import { validateFlow } from '@parley/nodes';
import type { FlowDocumentInput } from '@parley/shared';
import { generateFlow } from '../engine/generate-flow.ts';

/** Every this many groups of the engine's questionnaire, the ask becomes a choice (buttons instead of free text). */
const CHOICE_EVERY = 3;
/** Cards are 240 px wide; this leaves room between them for edges. */
const GRID = { columns: 40, dx: 300, dy: 220 };

/** What a new flow holds: start -> end. */
export function emptyFlow(): FlowDocumentInput {
  return {
    id: 'bench-empty',
    name: 'Bench: empty flow',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'end', type: 'end', position: { x: 320, y: 0 }, data: { status: 'resolved' } },
    ],
    edges: [{ id: 'start-next', source: 'start', sourcePort: 'next', target: 'end' }],
  };
}

/**
 * The engine bench's questionnaire (ask -> set-variable -> condition -> message, chained) with every
 * `CHOICE_EVERY`-th ask turned into a two-button choice, laid out on a grid `GRID.columns` cards wide in
 * chain order, snaking so each edge joins neighbours: what a large flow looks like once opened whole.
 */
export function canvasFlow(nodeCount: number): FlowDocumentInput {
  const base = generateFlow(nodeCount);
  const choiceIds = new Set(
    base.nodes
      .filter((n) => /^ask\d+$/.test(n.id) && Number(n.id.slice(3)) % CHOICE_EVERY === 0)
      .map((n) => n.id),
  );
  const nodes = base.nodes.map((node, i) => {
    const row = Math.floor(i / GRID.columns);
    const column = row % 2 === 0 ? i % GRID.columns : GRID.columns - 1 - (i % GRID.columns);
    const position = { x: column * GRID.dx, y: row * GRID.dy };
    if (!choiceIds.has(node.id)) return { ...node, position };
    const g = node.id.slice(3);
    return {
      id: `choose${g}`,
      type: 'choice',
      position,
      data: {
        prompt: `Was step ${g} clear?`,
        choices: [
          { value: 'yes', label: 'Yes', synonyms: ['y'] },
          { value: 'no', label: 'Not really', synonyms: ['n'] },
        ],
        variable: 'answer',
      },
    };
  });
  const renamed = (id: string) => (choiceIds.has(id) ? `choose${id.slice(3)}` : id);
  const edges = (base.edges ?? []).flatMap((edge) => {
    const moved = { ...edge, source: renamed(edge.source), target: renamed(edge.target) };
    if (!choiceIds.has(edge.source)) return [moved];
    return [
      { ...moved, id: `${edge.id}-yes`, sourcePort: 'yes' },
      { ...moved, id: `${edge.id}-no`, sourcePort: 'no' },
    ];
  });
  const flow = { ...base, id: `canvas-${nodeCount}`, name: `Bench: ${nodeCount}-node flow`, nodes, edges };
  const errors = validateFlow(flow).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the generated flow is invalid: ${errors[0]?.message}`);
  return flow;
}

/** How many nodes of each kind a flow holds, for the description. */
export function kindCounts(flow: FlowDocumentInput): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of flow.nodes) counts[node.type] = (counts[node.type] ?? 0) + 1;
  return counts;
}
