import { checkExpression, type ExpressionProblem, templateExpressions } from '@parley/shared';
import type { GraphNode } from './flow-graph.ts';

/** One CEL expression a node evaluates: a whole expression field, or one `{{ ... }}` of a template. */
export type NodeExpression = {
  /** Config path, e.g. `branches.0.expression`. */
  path: string;
  source: string;
  /** How a message quotes it: `` `count + 1` `` or `{{ name }}`. */
  quoted: string;
  extraNames: readonly string[];
};

function shorten(source: string): string {
  return source.length > 80 ? `${source.slice(0, 77)}...` : source;
}

/** Every expression a node evaluates, templates split into their placeholders. */
export function nodeExpressions(node: GraphNode): NodeExpression[] {
  return (node.facts?.expressions ?? []).flatMap((ref) => {
    const extraNames = ref.extraNames ?? [];
    if (ref.kind === 'expression') {
      return [{ path: ref.path, source: ref.source, quoted: `\`${shorten(ref.source)}\``, extraNames }];
    }
    return templateExpressions(ref.source).map((source) => ({
      path: ref.path,
      source,
      quoted: `{{ ${shorten(source)} }}`,
      extraNames,
    }));
  });
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Identifiers in an expression; a superset of the names it reads (it includes fields and functions). */
export function identifiersIn(source: string): Set<string> {
  return new Set(source.match(IDENTIFIER) ?? []);
}

export type ExpressionCheck = {
  /** Names read that are neither known nor built in, in the order the checker met them. */
  undeclared: string[];
  /** What is wrong besides undeclared names: syntax or types. */
  problem: ExpressionProblem | null;
};

/** At most this many unknown names are reported per expression; more means it is not worth listing. */
const MAX_UNDECLARED = 20;

/**
 * Checks expressions against the names they may read, memoised because big flows repeat the same
 * expression in many nodes. The checker stops at the first unknown name, so each one found is
 * declared in turn and the expression checked again, to report all of them at once.
 */
export function expressionChecker(
  known: ReadonlySet<string>,
): (expression: NodeExpression) => ExpressionCheck {
  const cache = new Map<string, ExpressionCheck>();
  return ({ source, extraNames }) => {
    const key = `${extraNames.join(',')}\u0000${source}`;
    const cached = cache.get(key);
    if (cached) return cached;
    // Registering only names the source mentions keeps each check cheap in flows with many variables.
    const mentioned = identifiersIn(source);
    const names = new Set([...known, ...extraNames].filter((name) => mentioned.has(name)));
    const undeclared: string[] = [];
    let problem = checkExpression(source, names);
    while (problem?.kind === 'undeclared' && problem.name && !names.has(problem.name)) {
      if (undeclared.length >= MAX_UNDECLARED) break;
      undeclared.push(problem.name);
      names.add(problem.name);
      problem = checkExpression(source, names);
    }
    const result = { undeclared, problem: problem?.kind === 'undeclared' ? null : problem };
    cache.set(key, result);
    return result;
  };
}
