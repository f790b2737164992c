import { evaluateCondition } from '@parley/shared';
import { type FlowContext, scopeOf } from '../machine/flow-context.ts';
import { contextAction, defineRuntime, type FlowGuard } from '../machine/implementation-helpers.ts';

type Branch = { port: string; expression: string };

/** The branch's verdict; an expression that cannot be evaluated counts as false and says why. */
function judge(expression: string, context: FlowContext): { value: boolean; error?: string } {
  try {
    return { value: evaluateCondition(expression, scopeOf(context)) };
  } catch (error) {
    return { value: false, error: (error as Error).message };
  }
}

const expressionGuard: FlowGuard<{ expression: string }> = ({ context }, { expression }) =>
  judge(expression, context).value;

export const conditionRuntime = defineRuntime(() => ({
  actions: {
    // Runs on entry, before the guards, over the same branches in the same order, so it reports exactly
    // the failures the guards will meet on the way to the branch they pick.
    'condition.recordFailures': contextAction<{ branches: Branch[] }>(({ context }, { branches }) => {
      const errors: string[] = [];
      for (const { port, expression } of branches) {
        const { value, error } = judge(expression, context);
        if (value) break;
        if (error) errors.push(`branch "${port}" counted as false: ${error}`);
      }
      return errors.length === 0 ? {} : { lastError: `node "${context.node}": ${errors.join('; ')}` };
    }),
  },
  guards: { 'condition.expression': expressionGuard },
}));
