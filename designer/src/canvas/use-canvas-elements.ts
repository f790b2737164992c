import type { FlowDocument } from '@parley/shared';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeDiffMark } from './diff-view.ts';
import {
  type CanvasEdge,
  type CanvasNode,
  mergeCanvasEdges,
  mergeCanvasNodes,
  singleSelection,
  toCanvasEdges,
  toCanvasNodes,
} from './to-xyflow.ts';

type Options = {
  flow: FlowDocument;
  problemNodeIds: ReadonlySet<string> | undefined;
  highlightedNodeId: string | null | undefined;
  nodeMarks: ReadonlyMap<string, NodeDiffMark> | undefined;
  selectedNodeId: string | null;
  onSelect: (nodeId: string | null) => void;
};

function selectOnly(nodes: CanvasNode[], id: string | null): CanvasNode[] {
  return nodes.map((n) => ((n.selected ?? false) === (n.id === id) ? n : { ...n, selected: n.id === id }));
}

/**
 * The nodes and edges handed to xyflow. They live in local state because xyflow keeps what the
 * document has no place for (measured sizes, selection, a drag in progress) on them; the document
 * stays the source of truth and is merged in whenever it changes.
 */
export function useCanvasElements({
  flow,
  problemNodeIds,
  highlightedNodeId,
  nodeMarks,
  selectedNodeId,
  onSelect,
}: Options) {
  // Callers often build a fresh Set each render; keying on its contents avoids re-deriving every card.
  const problemKey = problemNodeIds ? [...problemNodeIds].sort().join('\n') : '';
  const marksKey = nodeMarks
    ? [...nodeMarks]
        .map(([id, mark]) => `${id}\t${mark}`)
        .sort()
        .join('\n')
    : '';
  // Cards carry translated labels, so a new UI language derives them again.
  const { i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: problemKey and marksKey stand for their sets' contents, i18n.language for the labels
  const derivedNodes = useMemo(
    () => toCanvasNodes(flow, { problemNodeIds, highlightedNodeId, nodeMarks }),
    [flow, problemKey, marksKey, highlightedNodeId, i18n.language],
  );
  const derivedEdges = useMemo(() => toCanvasEdges(flow), [flow]);

  const [nodes, setNodes] = useState(() => selectOnly(derivedNodes, selectedNodeId));
  const [edges, setEdges] = useState(derivedEdges);
  const [synced, setSynced] = useState({ derivedNodes, derivedEdges, selectedNodeId });
  /** Nodes to select once the document that holds them comes back, e.g. freshly pasted ones. */
  const pendingSelection = useRef<ReadonlySet<string> | null>(null);

  // Adjusting state during render (not in an effect) keeps one frame from showing stale cards.
  if (
    synced.derivedNodes !== derivedNodes ||
    synced.derivedEdges !== derivedEdges ||
    synced.selectedNodeId !== selectedNodeId
  ) {
    let next = nodes;
    if (synced.derivedNodes !== derivedNodes) {
      const pending = pendingSelection.current;
      const ready = pending !== null && [...pending].every((id) => derivedNodes.some((n) => n.id === id));
      next = mergeCanvasNodes(next, derivedNodes, ready ? pending : undefined);
      if (ready) pendingSelection.current = null;
    }
    if (synced.selectedNodeId !== selectedNodeId && singleSelection(next) !== selectedNodeId) {
      next = selectOnly(next, selectedNodeId);
    }
    setNodes(next);
    if (synced.derivedEdges !== derivedEdges) setEdges(mergeCanvasEdges(edges, derivedEdges));
    setSynced({ derivedNodes, derivedEdges, selectedNodeId });
  }

  const latestSelected = useRef(selectedNodeId);
  latestSelected.current = selectedNodeId;
  const latestOnSelect = useRef(onSelect);
  latestOnSelect.current = onSelect;
  const selectionKey = nodes
    .filter((n) => n.selected)
    .map((n) => n.id)
    .join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the selected set is reported
  useEffect(() => {
    const id = singleSelection(nodes);
    if (id !== latestSelected.current) latestOnSelect.current(id);
  }, [selectionKey]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => setEdges((current) => applyEdgeChanges(changes, current)),
    [],
  );
  const latestNodes = useRef(nodes);
  latestNodes.current = nodes;
  /** Selects exactly `ids`: now if they are on the canvas, else as soon as the document brings them. */
  const selectNodes = useCallback((ids: ReadonlySet<string>) => {
    if (![...ids].every((id) => latestNodes.current.some((n) => n.id === id))) {
      pendingSelection.current = ids;
      return;
    }
    pendingSelection.current = null;
    setNodes((current) =>
      current.map((n) => ((n.selected ?? false) === ids.has(n.id) ? n : { ...n, selected: ids.has(n.id) })),
    );
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange, selectNodes };
}
