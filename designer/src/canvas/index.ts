/**
 * The flow canvas of the Parley designer.
 *
 * Wiring: FlowCanvas and NodePalette share xyflow's store (the palette adds nodes at the canvas's
 * visible centre, the canvas reads the pointer position of a drop), so the page wraps both in ONE
 * `ReactFlowProvider` from `@xyflow/react`. FlowCanvas imports xyflow's stylesheet and canvas.css
 * itself; give its parent a height (the canvas fills 100% of it).
 *
 *   <ReactFlowProvider>
 *     <div style={{ display: 'flex', height: '100%' }}>
 *       <NodePalette flow={flow} onChange={setFlow} onSelect={setSelected} />
 *       <div style={{ flex: 1 }}>
 *         <FlowCanvas flow={flow} onChange={setFlow} selectedNodeId={selected} onSelect={setSelected} />
 *       </div>
 *     </div>
 *   </ReactFlowProvider>
 *
 * Undo/redo lives in the canvas and follows the `flow` prop, so edits made by other panels are undoable
 * from the canvas too (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y; also buttons in the controls).
 *
 * "Tidy up" (a button in the controls, or Shift+L) lays the whole flow out left to right with
 * `layoutFlow` as ONE edit (one undo step), using the card sizes xyflow measured, then fits the view.
 * `layoutFlow(flow, { sizes? })` is also exported: pure and async, it changes node positions only and
 * loads elkjs (about 1.4 MB) on its first call, so the layout engine never weighs on the first page.
 *
 * Diffs: `nodeMarks` (id -> 'added' | 'removed' | 'changed') outlines and badges those cards (green,
 * red ghost with struck-through text, amber) and sets `data-diff` on them. `diffView(from, to, diff)`
 * builds both from two versions and a diff's node ids: the `to` flow plus the removed nodes of `from`
 * at their old positions (their edges are not brought back), and the marks. Show it read-only:
 *
 *   const { flow: shown, marks } = diffView(published, draft, diff);
 *   <FlowCanvas flow={shown} nodeMarks={marks} readOnly onChange={() => {}} selectedNodeId={null} onSelect={setSelected} />
 */
export {
  type DiffView,
  diffView,
  type NodeDiffMark,
  type NodeDiffSummary,
} from './diff-view.ts';
export { FlowCanvas, type FlowCanvasProps } from './flow-canvas.tsx';
export { labels as canvasLabels } from './labels.ts';
export { type FlowLayoutOptions, type LayoutEngine, layoutFlow, type NodeSize } from './layout.ts';
export { NodePalette, type NodePaletteProps } from './node-palette.tsx';
