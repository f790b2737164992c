import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { FlowDocument } from '@parley/shared';
import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type OnConnectStartParams,
  Panel,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { CanvasHint, useHint } from './canvas-hint.tsx';
import { CanvasSearch } from './canvas-search.tsx';
import { type Clipboard, copyNodes, PASTE_OFFSET, pasteNodes } from './clipboard.ts';
import { type ConnectionAttempt, checkConnection, refusalHint } from './connection-rules.ts';
import type { NodeDiffMark } from './diff-view.ts';
import { addNodeCentredAt, applyMoves, connect, reconnect, removeElements } from './document-edits.ts';
import { hasNodeDrag, readNodeDrag } from './drag-data.ts';
import { labels } from './labels.ts';
import { LARGE_FLOW_NODES, openingNodes } from './large-flows.ts';
import { type LayoutEngine, layoutFlow, type NodeSize } from './layout.ts';
import { NodeCard } from './node-card.tsx';
import type { CanvasCommand } from './shortcuts.ts';
import { CARD_NODE_TYPE, type CanvasEdge, type CanvasNode } from './to-xyflow.ts';
import { useCanvasElements } from './use-canvas-elements.ts';
import { useCanvasShortcuts } from './use-canvas-shortcuts.ts';
import { useCentreNode } from './use-centre-node.ts';
import { useHistory } from './use-history.ts';

export type FlowCanvasProps = {
  /** Controlled: the canvas renders this document and never keeps its own copy of it. */
  flow: FlowDocument;
  /** Receives the whole new document after every edit. */
  onChange: (flow: FlowDocument) => void;
  selectedNodeId: string | null;
  /** One node selected, or null for none or several. */
  onSelect: (nodeId: string | null) => void;
  problemNodeIds?: ReadonlySet<string>;
  highlightedNodeId?: string | null;
  /** Outlines and badges nodes as added, removed or changed, e.g. to show a diff built with `diffView`. */
  nodeMarks?: ReadonlyMap<string, NodeDiffMark>;
  /** Centres a node (a problem was chosen); a new object each time, so one node can be asked for twice. */
  focusRequest?: { nodeId: string } | null;
  /** Computes auto-layout positions (the server's `flows.layout`); without it there is no Tidy up. */
  layoutEngine?: LayoutEngine;
  readOnly?: boolean;
};

const nodeTypes = { [CARD_NODE_TYPE]: NodeCard };
const deleteKeys = ['Delete', 'Backspace'];
const fitViewOptions = { padding: 0.2, maxZoom: 1 };

function miniMapClass(node: CanvasNode): string {
  const classes = ['pc-mini', `pc-mini--${node.data.category ?? 'unknown'}`];
  if (node.data.diff) classes.push(`pc-mini--${node.data.diff}`);
  if (node.data.problem) classes.push('pc-mini--problem');
  return classes.join(' ');
}

/** The sizes xyflow measured for the cards, so the layout spaces them as they really are. */
function measuredSizes(nodes: readonly CanvasNode[]): Map<string, NodeSize> {
  const sizes = new Map<string, NodeSize>();
  for (const node of nodes) {
    const { width, height } = node.measured ?? {};
    if (width && height) sizes.set(node.id, { width, height });
  }
  return sizes;
}

/** A layered diagram: three boxes, one feeding two. */
function TidyIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1" y="6" width="5" height="4" rx="1" />
      <rect x="10" y="1" width="5" height="4" rx="1" />
      <rect x="10" y="11" width="5" height="4" rx="1" />
      <path d="M6 8h2V3h2M8 8v5h2" fill="none" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

/** Normalises a connection dragged either way (from an output, or back from an input) to output -> input. */
function attemptFrom(state: FinalConnectionState): ConnectionAttempt | null {
  if (!state.fromNode || !state.toNode) return null;
  return state.fromHandle?.type === 'target'
    ? { source: state.toNode.id, sourceHandle: state.toHandle?.id ?? null, target: state.fromNode.id }
    : { source: state.fromNode.id, sourceHandle: state.fromHandle?.id ?? null, target: state.toNode.id };
}

function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

/** The flow editor's canvas. Needs an enclosing ReactFlowProvider (shared with NodePalette). */
export function FlowCanvas({
  flow,
  onChange,
  selectedNodeId,
  onSelect,
  problemNodeIds,
  highlightedNodeId,
  nodeMarks,
  focusRequest,
  layoutEngine,
  readOnly = false,
}: FlowCanvasProps) {
  const { screenToFlowPosition, fitView } = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const { hint, show: showHint, dismiss: dismissHint } = useHint();

  // Several xyflow callbacks can fire before the parent re-renders (a drop right after a drag end);
  // each must build on the previous edit, not on the last rendered prop.
  const latest = useRef(flow);
  latest.current = flow;
  const commit = useCallback(
    (next: FlowDocument) => {
      if (next === latest.current) return;
      latest.current = next;
      onChange(next);
    },
    [onChange],
  );

  const history = useHistory(flow, commit);
  const elements = useCanvasElements({
    flow,
    problemNodeIds,
    highlightedNodeId,
    nodeMarks,
    selectedNodeId,
    onSelect,
  });
  const { selectNodes } = elements;

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      elements.onNodesChange(changes);
      // Removals reach the document through onDelete, which sees nodes and edges together as one edit.
      if (!readOnly) commit(applyMoves(latest.current, changes));
    },
    [elements.onNodesChange, commit, readOnly],
  );

  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: CanvasNode[]; edges: CanvasEdge[] }) => {
      if (readOnly) return;
      commit(
        removeElements(
          latest.current,
          nodes.map((n) => n.id),
          edges.map((e) => e.id),
        ),
      );
    },
    [commit, readOnly],
  );

  // Set while an existing edge's end is dragged, so that edge does not count as taking its own port.
  const reconnecting = useRef<string | undefined>(undefined);
  const isValidConnection = useCallback(
    (connection: CanvasEdge | Connection) =>
      checkConnection(latest.current, connection, reconnecting.current).ok,
    [],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = connect(latest.current, connection);
      if (result.ok) commit(result.flow);
      else showHint(refusalHint(result));
    },
    [commit, showHint],
  );

  const onConnectStart = useCallback(
    (_event: MouseEvent | TouchEvent, { nodeId, handleId, handleType }: OnConnectStartParams) => {
      // Said at once: dragging from a taken port can never succeed, whichever node it is dropped on.
      if (handleType !== 'source' || !nodeId) return;
      const taken = latest.current.edges.some((e) => e.source === nodeId && e.sourcePort === handleId);
      if (taken) showHint(labels.hints.portTaken(handleId ?? ''));
    },
    [showHint],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (reconnecting.current) return;
      if (state.isValid === false) {
        // xyflow drops a refused connection silently; the author deserves to know why.
        const attempt = attemptFrom(state);
        const check = attempt && checkConnection(latest.current, attempt);
        if (check && !check.ok) showHint(refusalHint(check));
        return;
      }
      // Dropped on a card but away from its input handle: a card has one input, so connect to it.
      if (state.toNode || state.fromHandle?.type !== 'source' || !state.fromNode) return;
      const target = nodeIdAt(event);
      if (target)
        onConnect({
          source: state.fromNode.id,
          sourceHandle: state.fromHandle.id ?? null,
          target,
          targetHandle: null,
        });
    },
    [showHint, onConnect],
  );

  // Stable handlers: a new function per render would re-render every edge on each drag move.
  const onReconnectStart = useCallback((_event: unknown, edge: CanvasEdge) => {
    reconnecting.current = edge.id;
  }, []);
  const onReconnectEnd = useCallback(() => {
    reconnecting.current = undefined;
  }, []);
  const large = flow.nodes.length > LARGE_FLOW_NODES;
  // Computed once: the view a large flow opens on; later fits (Tidy up) frame the whole flow.
  const [openingFit] = useState(() => ({ ...fitViewOptions, nodes: openingNodes(flow), minZoom: 0.5 }));

  const onReconnect = useCallback(
    (oldEdge: CanvasEdge, connection: Connection) => {
      const result = reconnect(latest.current, oldEdge.id, connection);
      if (result.ok) commit(result.flow);
      else showHint(refusalHint(result));
    },
    [commit, showHint],
  );

  const onDragOver = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      if (readOnly || !hasNodeDrag(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const kind = readNodeDrag(event.dataTransfer);
      if (readOnly || !kind) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const added = addNodeCentredAt(latest.current, kind, point);
      if (!added.ok) {
        showHint(labels.hints.startTaken);
        return;
      }
      selectNodes(new Set([added.id]));
      commit(added.flow);
    },
    [readOnly, screenToFlowPosition, selectNodes, commit, showHint],
  );

  // The whole layout is one commit, so one undo puts every card back. The view is fitted once the
  // cards have moved to their new places (a fit right away would frame the old ones).
  const latestNodes = useRef(elements.nodes);
  latestNodes.current = elements.nodes;
  const tidying = useRef(false);
  /** The laid-out document whose arrival fits the view. */
  const fitWhen = useRef<FlowDocument | null>(null);
  const tidyUp = useCallback(async () => {
    if (readOnly || !layoutEngine || tidying.current) return;
    tidying.current = true;
    const from = latest.current;
    try {
      const next = await layoutFlow(from, layoutEngine, { sizes: measuredSizes(latestNodes.current) });
      // An edit made while the layout ran wins; its result would undo that edit.
      if (latest.current !== from) return;
      if (next === from) {
        void fitView(fitViewOptions);
        return;
      }
      fitWhen.current = next;
      commit(next);
    } catch {
      showHint(labels.hints.layoutFailed);
    } finally {
      tidying.current = false;
    }
  }, [readOnly, layoutEngine, commit, fitView, showHint]);
  useEffect(() => {
    if (fitWhen.current === null) return;
    // Effects of xyflow's own components have run by now, so its store holds the moved cards.
    if (fitWhen.current === flow) void fitView(fitViewOptions);
    fitWhen.current = null;
  }, [flow, fitView]);

  const clipboard = useRef<Clipboard | null>(null);
  const pastes = useRef(0);
  const runCommand = (command: CanvasCommand): boolean => {
    switch (command) {
      case 'undo':
        history.undo();
        return true;
      case 'redo':
        history.redo();
        return true;
      case 'tidy':
        void tidyUp();
        return true;
      case 'copy': {
        const ids = elements.nodes.filter((n) => n.selected).map((n) => n.id);
        if (ids.length === 0) return false;
        clipboard.current = copyNodes(latest.current, ids);
        pastes.current = 0;
        showHint(labels.hints.copied(ids.length));
        return true;
      }
      case 'paste': {
        if (!clipboard.current || clipboard.current.nodes.length === 0) {
          showHint(labels.hints.nothingToPaste);
          return true;
        }
        // Each paste steps further out, so repeated pastes do not pile up on one spot.
        pastes.current += 1;
        const pasted = pasteNodes(latest.current, clipboard.current, PASTE_OFFSET * pastes.current);
        if (pasted.ids.length === 0) {
          showHint(labels.hints.startTaken);
          return true;
        }
        selectNodes(new Set(pasted.ids));
        commit(pasted.flow);
        showHint(labels.hints.pasted(pasted.ids.length));
        return true;
      }
    }
  };
  useCanvasShortcuts(container, runCommand, !readOnly);

  const centre = useCentreNode();
  useEffect(() => {
    if (focusRequest) centre(focusRequest.nodeId);
  }, [focusRequest, centre]);

  const onFound = useCallback(
    (id: string) => {
      selectNodes(new Set([id]));
    },
    [selectNodes],
  );

  return (
    <div
      ref={container}
      className="pc-canvas"
      data-readonly={readOnly ? 'true' : undefined}
      aria-label={labels.canvasAriaLabel}
      role="application"
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={elements.nodes}
        edges={elements.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={elements.onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        // Edges are drawn by dragging; a click on a port must not leave a connection hanging on the pointer.
        connectOnClick={false}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        deleteKeyCode={readOnly ? null : deleteKeys}
        fitView
        fitViewOptions={large ? openingFit : fitViewOptions}
        onlyRenderVisibleElements={large}
        minZoom={0.1}
        maxZoom={2}
      >
        <Background gap={20} size={1} />
        {!large && (
          <MiniMap<CanvasNode> pannable zoomable nodeClassName={miniMapClass} className="pc-minimap" />
        )}
        <Controls showInteractive={false}>
          {!readOnly && (
            <>
              <ControlButton
                onClick={history.undo}
                disabled={!history.canUndo}
                title={labels.undo}
                aria-label={labels.undo}
              >
                ↶
              </ControlButton>
              <ControlButton
                onClick={history.redo}
                disabled={!history.canRedo}
                title={labels.redo}
                aria-label={labels.redo}
              >
                ↷
              </ControlButton>
              {layoutEngine && (
                <ControlButton
                  onClick={() => void tidyUp()}
                  title={labels.tidyUp}
                  aria-label={labels.tidyUp}
                  className="pc-tidy"
                >
                  <TidyIcon />
                </ControlButton>
              )}
            </>
          )}
        </Controls>
        <Panel position="top-right">
          <CanvasSearch flow={flow} onFound={onFound} />
        </Panel>
        <Panel position="bottom-center">
          <CanvasHint hint={hint} onDismiss={dismissHint} />
        </Panel>
      </ReactFlow>
    </div>
  );
}
