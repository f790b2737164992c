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
 */
export { FlowCanvas, type FlowCanvasProps } from './flow-canvas.tsx';
export { labels as canvasLabels } from './labels.ts';
export { NodePalette, type NodePaletteProps } from './node-palette.tsx';
