/** Schema-driven node inspector: a form generated from a node kind's zod config schema. */
export { NodeInspector, type NodeInspectorProps } from './node-inspector.tsx';
export { buildFieldModel, type FieldModel } from './schema-fields.ts';
