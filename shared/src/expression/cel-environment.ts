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

/**
 * Checking environments derive from this one: a clone shares its functions and operators instead of
 * registering them again, which is most of what a fresh environment costs. Nothing registers on it later.
 */
const checkingBase = withMixedArithmetic(
  new Environment({
    unlistedVariablesAreDyn: false,
    homogeneousAggregateLiterals: false,
    enableOptionalTypes: true,
    limits: LIMITS,
  }),
);

/** Environment for checking: only the given names are known, so a typo is reported before publish. */
function checkingEnvironment(names: Iterable<string>): Environment {
  const env = checkingBase.clone();
  for (const name of new Set(names)) env.registerVariable(name, 'dyn');
  return env;
}

/** Enough for the name sets one flow's expressions use; a flow with more only rebuilds some. */
const MAX_SHARED_ENVIRONMENTS = 128;
const shared = new Map<string, Environment>();

/**
 * The checking environment for `names`, shared between calls: validating a big flow checks many
 * expressions against few name sets. Callers must not register anything on it.
 */
export function sharedCheckingEnvironment(names: Iterable<string>): Environment {
  const unique = [...new Set(names)].sort();
  const key = JSON.stringify(unique);
  let env = shared.get(key);
  if (env) {
    // Map keeps insertion order: re-inserting makes the oldest entry the least recently used.
    shared.delete(key);
  } else {
    env = checkingEnvironment(unique);
    if (shared.size >= MAX_SHARED_ENVIRONMENTS) {
      const oldest = shared.keys().next();
      if (!oldest.done) shared.delete(oldest.value);
    }
  }
  shared.set(key, env);
  return env;
}
