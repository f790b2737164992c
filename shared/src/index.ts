export * from './expression/expression.ts';
export * from './flow/diagnostic.ts';
export * from './flow/flow-document.ts';
export * from './flow/json-schema.ts';
export * from './flow/localised-text.ts';
export * from './layout/layout-graph.ts';
export * from './messages/bot-message.ts';
export * from './text/interpolate.ts';
