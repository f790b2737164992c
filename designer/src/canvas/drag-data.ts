import { isNodeKind, type NodeKind } from '@parley/nodes';

/** A private type, so text or files dragged in from elsewhere are never mistaken for a node. */
export const NODE_DRAG_TYPE = 'application/parley-node';

export function hasNodeDrag(dataTransfer: Pick<DataTransfer, 'types'>): boolean {
  return Array.from(dataTransfer.types).includes(NODE_DRAG_TYPE);
}

export function readNodeDrag(dataTransfer: Pick<DataTransfer, 'getData'>): NodeKind | null {
  const kind = dataTransfer.getData(NODE_DRAG_TYPE);
  return isNodeKind(kind) ? kind : null;
}
