import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig, TransitionConfig } from '../core/machine-config.ts';
import { type ConditionConfig, ELSE_PORT } from './definition.ts';

/**
 * One guarded `always` transition per branch, in order, then `else`. The entry action only records why an
 * expression failed: guards stay pure, and the JSON shows each branch's expression where it is decided.
 */
export function compileCondition(config: ConditionConfig, ctx: CompileContext): StateConfig {
  const branches = config.branches.map(({ port, expression }) => ({ port, expression }));
  const to = (port: string): TransitionConfig => ({ target: ctx.requiredPort(port) });
  return {
    entry: [{ type: 'condition.recordFailures', params: { branches } }],
    always: [
      ...branches.map(({ port, expression }) => ({
        ...to(port),
        guard: { type: 'condition.expression', params: { expression } },
      })),
      to(ELSE_PORT),
    ],
  };
}
