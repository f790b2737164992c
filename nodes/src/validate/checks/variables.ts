import { BUILTIN_NAMES } from '../../machine/flow-context.ts';
import { didYouMean } from '../closest-name.ts';
import { diagnostic, type FlowDiagnostic } from '../diagnostic-codes.ts';
import type { FlowGraph } from '../flow-graph.ts';
import { identifiersIn, nodeExpressions } from '../node-expressions.ts';

const builtins: readonly string[] = BUILTIN_NAMES;

function undeclaredWrites(graph: FlowGraph): FlowDiagnostic[] {
  const declared = [...graph.variables];
  const found: FlowDiagnostic[] = [];
  for (const node of graph.nodes) {
    for (const name of new Set(node.facts?.writes ?? [])) {
      if (graph.variables.has(name)) continue;
      const hint = builtins.includes(name)
        ? `"${name}" is built in and read-only; store the value in a declared variable instead.`
        : `Declare "${name}" in the flow's variables, or pick a declared one.${didYouMean(name, declared)}`;
      found.push(
        diagnostic(
          'undeclared-variable',
          `${node.label} stores a value in "${name}", which is not a declared variable. ${hint}`,
          { nodeId: node.id },
        ),
      );
    }
  }
  return found;
}

function unusedVariables(graph: FlowGraph): FlowDiagnostic[] {
  // A node whose config could not be read may be the one using the variable.
  if (!graph.read.nodesComplete || graph.nodes.some((node) => !node.facts)) return [];
  const used = new Set<string>();
  for (const node of graph.nodes) {
    for (const name of node.facts?.writes ?? []) used.add(name);
    for (const expression of nodeExpressions(node)) {
      for (const name of identifiersIn(expression.source)) used.add(name);
    }
  }
  return [...graph.variables]
    .filter((name) => !used.has(name))
    .map((name) =>
      diagnostic(
        'unused-variable',
        `variable "${name}" is declared but no node reads or writes it; use it, or remove it from the flow's variables.`,
      ),
    );
}

/** `undeclared-variable` (writes) and `unused-variable`: the variable list matches what nodes use. */
export function checkVariables(graph: FlowGraph): FlowDiagnostic[] {
  if (!graph.read.variablesKnown) return [];
  return [...undeclaredWrites(graph), ...unusedVariables(graph)];
}
