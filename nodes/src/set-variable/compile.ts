import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig } from '../core/machine-config.ts';
import type { SetVariableConfig } from './definition.ts';

export function compileSetVariable(config: SetVariableConfig, ctx: CompileContext): StateConfig {
  return {
    entry: [{ type: 'set-variable.assign', params: { assignments: config.assignments } }],
    always: [{ target: ctx.requiredPort('next') }],
  };
}
