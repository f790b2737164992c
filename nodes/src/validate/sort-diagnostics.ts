import { DIAGNOSTIC_CODES, type FlowDiagnostic } from './diagnostic-codes.ts';
import type { ReadFlow } from './read-flow.ts';

const codeRank = new Map(DIAGNOSTIC_CODES.map((code, rank) => [code, rank]));

/**
 * Errors first, then document-wide problems, then in the order nodes appear in the document, then
 * problems of edges alone; ties keep the order the checks found them in, so output is deterministic.
 */
export function sortDiagnostics(diagnostics: FlowDiagnostic[], read: ReadFlow): FlowDiagnostic[] {
  const keyOf = (d: FlowDiagnostic): number[] => {
    const severity = d.severity === 'error' ? 0 : 1;
    const node = d.nodeId === undefined ? undefined : read.nodeOrder.get(d.nodeId);
    const edge = d.edgeId === undefined ? undefined : read.edgeOrder.get(d.edgeId);
    const place = node !== undefined ? [1, node] : edge !== undefined ? [2, edge] : [0, 0];
    return [severity, ...place, codeRank.get(d.code) ?? 0, edge ?? -1];
  };
  const keyed = diagnostics.map((d, found) => ({ d, key: [...keyOf(d), found] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const difference = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return keyed.map(({ d }) => d);
}
