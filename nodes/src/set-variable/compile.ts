import { type CompileContext, CompileError } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';

export function compileSetVariable(_config: unknown, ctx: CompileContext): StateConfig {
  throw new CompileError('not built yet', ctx.nodeId);
}
