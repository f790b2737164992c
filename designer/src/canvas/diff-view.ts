import type { FlowDocument } from '@parley/shared';

/** How a node differs between two versions of a flow, as the canvas marks it. */
export type NodeDiffMark = 'added' | 'removed' | 'changed';

/** The node part of a flow diff; only the ids are read. */
export type NodeDiffSummary = {
  nodes: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string }[] };
};

export type DiffView = { flow: FlowDocument; marks: Map<string, NodeDiffMark> };

/**
 * A document to show a diff on the canvas (read-only): the `to` flow, plus each removed node taken from
 * `from` at its old position as a ghost, and the mark of every node the diff names. Edges are `to`'s
 * only: a removed node's old edges could collide with the new ones on the same ports.
 * Ids the diff names but the documents do not hold are skipped.
 */
export function diffView(from: FlowDocument, to: FlowDocument, diff: NodeDiffSummary): DiffView {
  const present = new Set(to.nodes.map((n) => n.id));
  const removedIds = new Set(diff.nodes.removed.map((n) => n.id));
  const ghosts = from.nodes.filter((n) => removedIds.has(n.id) && !present.has(n.id));

  const marks = new Map<string, NodeDiffMark>();
  for (const { id } of diff.nodes.added) if (present.has(id)) marks.set(id, 'added');
  for (const { id } of diff.nodes.changed) if (present.has(id)) marks.set(id, 'changed');
  for (const ghost of ghosts) marks.set(ghost.id, 'removed');

  const flow = ghosts.length > 0 ? { ...to, nodes: [...to.nodes, ...ghosts] } : to;
  return { flow, marks };
}
