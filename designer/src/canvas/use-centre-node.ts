import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';

/** Zoom a centred node is shown at, at least: near enough to read its card. */
const FOCUS_ZOOM = 1;

/** Moves the view so a node's card is in the middle, readable, with a short animation. */
export function useCentreNode(): (nodeId: string) => void {
  const { setCenter, getInternalNode, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const node = getInternalNode(nodeId);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? 0;
      const height = node.measured.height ?? 0;
      void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), FOCUS_ZOOM), duration: 300 });
    },
    [setCenter, getInternalNode, getZoom],
  );
}
