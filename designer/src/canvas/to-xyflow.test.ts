import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { paletteGroups } from './palette-groups.ts';
import { testFlow } from './test-flow.ts';
import { mergeCanvasNodes, singleSelection, toCanvasEdges, toCanvasNodes } from './to-xyflow.ts';

describe('toCanvasNodes', () => {
  it('maps every document node to a card with its kind, essence and ports', () => {
    const nodes = toCanvasNodes(testFlow());
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['start', 'parley', { x: 0, y: 0 }],
      ['ask-1', 'parley', { x: 300, y: 0 }],
      ['choice-1', 'parley', { x: 600, y: 0 }],
      ['end', 'parley', { x: 900, y: 0 }],
    ]);
    const choice = nodes[2]!.data;
    expect(choice.kindLabel).toBe('Choice');
    expect(choice.category).toBe('input');
    expect(choice.essence).toEqual(['Pizza or pasta?', 'Pizza · Pasta']);
    expect(choice.ports.map((p) => [p.name, p.label])).toEqual([
      ['pizza', 'Pizza'],
      ['pasta', 'Pasta'],
      ['no-match', 'No match'],
    ]);
  });

  it('gives start no input and end no outputs', () => {
    const [start, , , end] = toCanvasNodes(testFlow());
    expect(start!.data.hasInput).toBe(false);
    expect(start!.data.ports.map((p) => p.name)).toEqual(['next']);
    expect(end!.data.hasInput).toBe(true);
    expect(end!.data.ports).toEqual([]);
  });

  it('marks problem and highlighted nodes', () => {
    const nodes = toCanvasNodes(testFlow(), { problemNodeIds: new Set(['ask-1']), highlightedNodeId: 'end' });
    expect(nodes.map((n) => [n.id, n.data.problem, n.data.active])).toEqual([
      ['start', false, false],
      ['ask-1', true, false],
      ['choice-1', false, false],
      ['end', false, true],
    ]);
  });

  it('keeps a port an edge still uses after the config dropped it, flagged stale', () => {
    const flow = testFlow();
    flow.edges.push({ id: 'e-choice-1-salad', source: 'choice-1', sourcePort: 'salad', target: 'end' });
    const ports = toCanvasNodes(flow)[2]!.data.ports;
    expect(ports.at(-1)).toMatchObject({ name: 'salad', stale: true });
    expect(ports.filter((p) => p.stale)).toHaveLength(1);
  });

  it('reads ports from a config that fails validation, and shows unknown kinds without ports', () => {
    const flow = testFlow();
    flow.nodes[2]!.data = {
      prompt: 'x',
      choices: [
        { value: 'a', label: 'A' },
        { value: 'a', label: 'A again' },
      ],
    };
    flow.nodes.push({ id: 'mystery', type: 'teleport', position: { x: 0, y: 0 }, data: {} });
    const nodes = toCanvasNodes(flow);
    expect(nodes[2]!.data.ports.map((p) => [p.name, p.stale])).toEqual([
      ['a', false],
      ['a', false],
      ['no-match', false],
      ['pizza', true],
    ]);
    expect(nodes[4]!.data).toMatchObject({ category: null, kindLabel: 'teleport', ports: [] });
  });
});

describe('toCanvasEdges', () => {
  it('maps edges to handle-to-node connections keeping their ids', () => {
    expect(toCanvasEdges(testFlow()).map((e) => [e.id, e.source, e.sourceHandle, e.target])).toEqual([
      ['e-start-next', 'start', 'next', 'ask-1'],
      ['e-ask-1-next', 'ask-1', 'next', 'choice-1'],
      ['e-choice-1-pizza', 'choice-1', 'pizza', 'end'],
    ]);
  });
});

describe('mergeCanvasNodes', () => {
  it('keeps measured size and selection, and reuses unchanged nodes', () => {
    const flow = testFlow();
    const before = toCanvasNodes(flow).map((n) =>
      n.id === 'ask-1' ? { ...n, selected: true, measured: { width: 240, height: 90 } } : n,
    );
    const moved = {
      ...flow,
      nodes: flow.nodes.map((n) => (n.id === 'end' ? { ...n, position: { x: 1, y: 2 } } : n)),
    };
    const after = mergeCanvasNodes(before, toCanvasNodes(moved));
    expect(after[1]).toBe(before[1]);
    expect(after[3]!.position).toEqual({ x: 1, y: 2 });
    const edited = {
      ...flow,
      nodes: flow.nodes.map((n) =>
        n.id === 'ask-1' ? { ...n, data: { prompt: 'Age?', variable: 'age' } } : n,
      ),
    };
    const merged = mergeCanvasNodes(before, toCanvasNodes(edited));
    expect(merged[1]).toMatchObject({ selected: true, measured: { width: 240, height: 90 } });
    expect(merged[1]!.data.essence[0]).toBe('Age?');
  });

  it('keeps the live position of a node being dragged', () => {
    const before = toCanvasNodes(testFlow()).map((n) =>
      n.id === 'end' ? { ...n, dragging: true, position: { x: 5, y: 5 } } : n,
    );
    expect(mergeCanvasNodes(before, toCanvasNodes(testFlow()))[3]!.position).toEqual({ x: 5, y: 5 });
  });

  it('can select exactly a given set (e.g. pasted nodes)', () => {
    const before = toCanvasNodes(testFlow()).map((n) => ({ ...n, selected: n.id === 'start' }));
    const after = mergeCanvasNodes(before, toCanvasNodes(testFlow()), new Set(['end', 'ask-1']));
    expect(after.filter((n) => n.selected).map((n) => n.id)).toEqual(['ask-1', 'end']);
  });
});

describe('singleSelection', () => {
  it('is the one selected node, or null for none or several', () => {
    const nodes = toCanvasNodes(testFlow());
    expect(singleSelection(nodes)).toBeNull();
    expect(singleSelection(nodes.map((n) => ({ ...n, selected: n.id === 'end' })))).toBe('end');
    expect(singleSelection(nodes.map((n) => ({ ...n, selected: true })))).toBeNull();
  });
});

describe('paletteGroups', () => {
  it('groups every kind once, in category order', () => {
    const groups = paletteGroups();
    expect(groups.map((g) => g.category)).toEqual(['flow', 'messaging', 'input', 'logic', 'integration']);
    expect(groups[0]!.kinds).toEqual(['start', 'end']);
    expect(groups.flatMap((g) => g.kinds).sort()).toEqual(
      ['ask', 'choice', 'condition', 'end', 'http-request', 'message', 'set-variable', 'start'].sort(),
    );
  });
});
