import { BUILTIN_NAMES } from '../../machine/flow-context.ts';
import { didYouMean } from '../closest-name.ts';
import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph, GraphNode } from '../flow-graph.ts';
import { expressionChecker, type NodeExpression, nodeExpressions } from '../node-expressions.ts';

function undeclaredHint(name: string, expression: NodeExpression, known: readonly string[]): string {
  if (name === 'response') return '"response" can only be read in an HTTP request\'s response mapping.';
  return `Declare "${name}" in the flow's variables, or fix the name.${didYouMean(name, [...known, ...expression.extraNames])}`;
}

function problemHint(expression: NodeExpression): string {
  return expression.source.trim() === ''
    ? 'Write an expression inside, e.g. {{ name }}, or remove the braces.'
    : 'Fix the expression (CEL syntax, e.g. `count + 1` or `name == "Ada"`).';
}

/**
 * `undeclared-variable` (reads) and `invalid-expression`: every expression and `{{ ... }}` placeholder
 * parses and reads only declared variables and built-ins.
 */
export function checkExpressions(graph: FlowGraph): FlowDiagnostic[] {
  // With `variables` unreadable, every name would look undeclared: only syntax is worth reporting then.
  const namesKnown = graph.read.variablesKnown;
  const known = [...graph.variables, ...BUILTIN_NAMES];
  const check = expressionChecker(new Set(known));
  const found: FlowDiagnostic[] = [];
  const checkNode = (node: GraphNode) => {
    const reported = new Set<string>();
    const once = (key: string) => {
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const expression of nodeExpressions(node)) {
      const { undeclared, problem } = check(expression);
      const at = `${node.label}: data.${expression.path}`;
      for (const name of namesKnown ? undeclared : []) {
        if (!once(`name:${name}`)) continue;
        found.push(
          diagnostic(
            'undeclared-variable',
            `${at}: ${expression.quoted} reads "${name}", which is not a declared variable. ` +
              undeclaredHint(name, expression, known),
            { nodeId: node.id },
          ),
        );
      }
      if (problem && once(`problem:${expression.path}:${expression.source}`)) {
        found.push(
          diagnostic(
            'invalid-expression',
            `${at}: ${expression.quoted} is not a valid expression: ${problem.message.replace(/\.$/, '')}. ${problemHint(expression)}`,
            { nodeId: node.id },
          ),
        );
      }
    }
  };
  for (const node of graph.nodes) checkNode(node);
  return found;
}
