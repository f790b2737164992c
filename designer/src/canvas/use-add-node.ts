import type { NodeKind } from '@parley/nodes';
import type { FlowDocument } from '@parley/shared';
import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { addNodeCentredAt, type XY } from './document-edits.ts';

/** The flow coordinates at the middle of the visible canvas, from the viewport xyflow keeps. */
export function useViewportCentre(): () => XY {
  const store = useStoreApi();
  return useCallback(() => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
  }, [store]);
}

/** Adds a node of `kind` at the viewport centre; returns the new id, or null when the kind is not allowed. */
export function useAddNodeAtCentre(
  flow: FlowDocument,
  onChange: (flow: FlowDocument) => void,
): (kind: NodeKind) => string | null {
  const centre = useViewportCentre();
  return useCallback(
    (kind: NodeKind) => {
      const added = addNodeCentredAt(flow, kind, centre());
      if (!added.ok) return null;
      onChange(added.flow);
      return added.id;
    },
    [flow, onChange, centre],
  );
}
