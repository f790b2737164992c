import { type CompileContext, stateTarget } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';
import type { SetVariableConfig } from './definition.ts';

export function compileSetVariable(config: SetVariableConfig, ctx: CompileContext): StateConfig {
  const target = ctx.requiredPort('next');
  return {
    entry: [{ type: 'set-variable.assign', params: { assignments: config.assignments } }],
    // Looping back to itself must run the assignments again (and count against the step budget).
    always: [target === stateTarget(ctx.nodeId) ? { target, reenter: true } : { target }],
  };
}
