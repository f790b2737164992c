import { type ExpressionScope, evaluateExpression, type JsonValue } from '@parley/shared';
import { type FlowContext, scopeOf } from '../machine/flow-context.ts';

export type Assignment = { variable: string; expression: string };

/**
 * Evaluates assignments in order, each seeing the variables the earlier ones set. A failing expression
 * stores null, so the flow goes on with a value its conditions can test; the reasons are returned.
 */
export function applyAssignments(
  context: FlowContext,
  assignments: readonly Assignment[],
  extraScope: ExpressionScope = {},
): { vars: Record<string, JsonValue>; errors: string[] } {
  const vars = { ...context.vars };
  const errors: string[] = [];
  for (const { variable, expression } of assignments) {
    try {
      vars[variable] = evaluateExpression(expression, { ...scopeOf({ ...context, vars }), ...extraScope });
    } catch (error) {
      vars[variable] = null;
      errors.push(`"${variable}" was set to null: ${(error as Error).message}`);
    }
  }
  return { vars, errors };
}

/** The readable `lastError` for failures at the current node, or nothing to change when there are none. */
export function lastErrorUpdate(context: FlowContext, errors: readonly string[]): Partial<FlowContext> {
  return errors.length === 0 ? {} : { lastError: `node "${context.node}": ${errors.join('; ')}` };
}
