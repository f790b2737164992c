import type { FlowDocument, FlowEdge, FlowNode } from '@parley/shared';

type Position = FlowNode['position'];

export type NodeChange = {
  id: string;
  /** Paths under the node that differ, e.g. `data.messages.0.text.en`; type and position are apart. */
  paths: string[];
  type?: { from: string; to: string };
  position?: { from: Position; to: Position };
};

export type FlowDiff = {
  nodes: { added: FlowNode[]; removed: FlowNode[]; changed: NodeChange[] };
  edges: { added: FlowEdge[]; removed: FlowEdge[]; changed: { id: string; paths: string[] }[] };
  variables: { added: string[]; removed: string[]; changed: { name: string; paths: string[] }[] };
  /** Paths under `settings` that differ, e.g. `settings.limits.maxStepsPerTurn`. */
  settings: string[];
  /** Other top-level fields that differ: name, description, languages, intents, entities. */
  document: string[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dotted paths of the leaves where two JSON values differ; arrays compare position by position. */
export function differingPaths(a: unknown, b: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differingPaths(a[key], b[key], join(key)));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    return Array.from({ length }, (_, i) => differingPaths(a[i], b[i], join(String(i)))).flat();
  }
  return a === b ? [] : [prefix];
}

/** Elements matched by key: those only in `b`, only in `a`, and in both. */
function match<T>(a: readonly T[], b: readonly T[], key: (item: T) => string) {
  const before = new Map(a.map((item) => [key(item), item]));
  const after = new Map(b.map((item) => [key(item), item]));
  return {
    added: b.filter((item) => !before.has(key(item))),
    removed: a.filter((item) => !after.has(key(item))),
    both: a.flatMap((item) => {
      const other = after.get(key(item));
      return other === undefined ? [] : [[item, other] as const];
    }),
  };
}

function nodeChange(a: FlowNode, b: FlowNode): NodeChange | undefined {
  const change: NodeChange = { id: a.id, paths: differingPaths(a.data, b.data, 'data') };
  if (a.type !== b.type) change.type = { from: a.type, to: b.type };
  if (a.position.x !== b.position.x || a.position.y !== b.position.y)
    change.position = { from: a.position, to: b.position };
  return change.paths.length > 0 || change.type || change.position ? change : undefined;
}

/** True when a change alters what the node does, not only where it sits on the canvas. */
export function changesBehaviour(change: NodeChange): boolean {
  return change.paths.length > 0 || change.type !== undefined;
}

const documentFields = ['name', 'description', 'languages', 'intents', 'entities'] as const;

/** What changed from flow `a` to flow `b`. Nodes and edges are matched by id, variables by name. */
export function diffFlows(a: FlowDocument, b: FlowDocument): FlowDiff {
  const nodes = match(a.nodes, b.nodes, (n) => n.id);
  const edges = match(a.edges, b.edges, (e) => e.id);
  const variables = match(a.variables, b.variables, (v) => v.name);
  return {
    nodes: {
      added: nodes.added,
      removed: nodes.removed,
      changed: nodes.both.flatMap(([x, y]) => nodeChange(x, y) ?? []),
    },
    edges: {
      added: edges.added,
      removed: edges.removed,
      changed: edges.both.flatMap(([x, y]) => {
        const paths = differingPaths(x, y);
        return paths.length > 0 ? [{ id: x.id, paths }] : [];
      }),
    },
    variables: {
      added: variables.added.map((v) => v.name),
      removed: variables.removed.map((v) => v.name),
      changed: variables.both.flatMap(([x, y]) => {
        const paths = differingPaths(x, y);
        return paths.length > 0 ? [{ name: x.name, paths }] : [];
      }),
    },
    settings: differingPaths(a.settings, b.settings, 'settings'),
    document: documentFields.flatMap((field) => differingPaths(a[field], b[field], field)),
  };
}
