import { Environment } from '@marcbachmann/cel-js';

type Arithmetic = (a: number, b: number) => number;

const ARITHMETIC: Record<'+' | '-' | '*' | '/', Arithmetic> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

/**
 * CEL keeps int and double apart, so `count + 1` fails when `count` came from JSON as a double.
 * Operators write arithmetic the way a spreadsheet does; these overloads let ints and doubles mix.
 */
function withMixedArithmetic(env: Environment): Environment {
  for (const [op, fn] of Object.entries(ARITHMETIC)) {
    env.registerOperator(`int ${op} double`, (a: bigint, b: number) => fn(Number(a), b));
    env.registerOperator(`double ${op} int`, (a: number, b: bigint) => fn(a, Number(b)));
  }
  return env;
}

const LIMITS = { maxAstNodes: 2_000, maxDepth: 64, maxListElements: 1_000, maxMapEntries: 1_000 };

/** Environment for evaluation: every name in the scope is readable, with dynamic type. */
export const evaluationEnvironment = withMixedArithmetic(
  new Environment({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    enableOptionalTypes: true,
    limits: LIMITS,
  }),
);

/** Environment for checking: only the given names are known, so a typo is reported before publish. */
export function checkingEnvironment(names: Iterable<string>): Environment {
  const env = withMixedArithmetic(
    new Environment({
      unlistedVariablesAreDyn: false,
      homogeneousAggregateLiterals: false,
      enableOptionalTypes: true,
      limits: LIMITS,
    }),
  );
  for (const name of new Set(names)) env.registerVariable(name, 'dyn');
  return env;
}
