/** Browser-safe entry: node definitions, compiler and validation. */
export * from './compile/compile-context.ts';
export { compileFlow, MACHINE_ID } from './compile/compile-flow.ts';
export * from './core/define-node.ts';
export * from './core/machine-config.ts';
export * from './registry.ts';
export * from './validate/index.ts';
