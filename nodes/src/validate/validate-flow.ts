import { checkExpressions } from './checks/expressions.ts';
import { checkIds } from './checks/ids.ts';
import { checkKinds } from './checks/kinds.ts';
import { checkLoops } from './checks/loops.ts';
import { checkPorts } from './checks/ports.ts';
import { checkReachability } from './checks/reachability.ts';
import { checkStarts } from './checks/starts.ts';
import { checkVariables } from './checks/variables.ts';
import { diagnostic, type FlowDiagnostic } from './diagnostic-codes.ts';
import { errorReason } from './error-reason.ts';
import { buildFlowGraph, type FlowGraph } from './flow-graph.ts';
import { readFlow } from './read-flow.ts';
import { sortDiagnostics } from './sort-diagnostics.ts';

const CHECKS: [name: string, check: (graph: FlowGraph) => FlowDiagnostic[]][] = [
  ['id', checkIds],
  ['node kind', checkKinds],
  ['start node', checkStarts],
  ['port', checkPorts],
  ['reachability', checkReachability],
  ['expression', checkExpressions],
  ['variable', checkVariables],
  ['loop', checkLoops],
];

/**
 * Every problem in a flow, errors first, for the designer, the CLI and publishing. Never throws: input
 * that is not a flow at all comes back as `invalid-document` diagnostics.
 */
export function validateFlow(flow: unknown): FlowDiagnostic[] {
  try {
    const read = readFlow(flow);
    const graph = buildFlowGraph(read);
    const found = [...read.diagnostics];
    for (const [name, check] of CHECKS) {
      try {
        // Pushed one by one: spreading a huge list into push() overflows the argument limit.
        for (const d of check(graph)) found.push(d);
      } catch (error) {
        // One check failing must not hide what the others found.
        found.push(
          diagnostic('invalid-document', `the ${name} checks could not finish: ${errorReason(error)}`),
        );
      }
    }
    return sortDiagnostics(found, read);
  } catch (error) {
    return [diagnostic('invalid-document', `the flow could not be read: ${errorReason(error)}`)];
  }
}
