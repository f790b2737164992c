import type { FlowDocument } from '@parley/shared';

/**
 * Numbers continue after the highest one in use rather than filling gaps: a node id names the state
 * the runtime and analytics record, so reusing a deleted node's id would blend two nodes' history.
 */
export function nextNodeId(
  flow: Pick<FlowDocument, 'nodes'>,
  kind: string,
  taken: Iterable<string> = [],
): string {
  const used = new Set([...flow.nodes.map((n) => n.id), ...taken]);
  const prefix = `${kind}-`;
  let highest = 0;
  for (const id of used) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  let n = highest + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** `e-<source>-<port>` is unique while a port takes one edge; imported flows may break that, hence the suffix. */
export function edgeIdFor(flow: Pick<FlowDocument, 'edges'>, source: string, port: string): string {
  const used = new Set(flow.edges.map((e) => e.id));
  const base = `e-${source}-${port}`;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
