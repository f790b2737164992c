import type { Diagnostic, DiagnosticSeverity } from '@parley/shared';

/**
 * Every problem validation reports, with its fixed severity. Codes are stable: tools and tests match on
 * them, while messages may be reworded. Errors block publishing; warnings do not.
 */
export const DIAGNOSTIC_CATALOGUE = {
  'invalid-document': { severity: 'error', doc: 'The document does not match the flow document schema.' },
  'duplicate-node-id': { severity: 'error', doc: 'Two nodes share an id; node ids must be unique.' },
  'duplicate-edge-id': { severity: 'error', doc: 'Two edges share an id; edge ids must be unique.' },
  'unknown-kind': { severity: 'error', doc: 'A node has a type that is not a known node kind.' },
  'invalid-config': { severity: 'error', doc: "A node's data does not match its kind's config schema." },
  'no-start': { severity: 'error', doc: 'The flow has no start node.' },
  'multiple-starts': { severity: 'error', doc: 'The flow has more than one start node.' },
  'dangling-edge': {
    severity: 'error',
    doc: 'An edge leads from or to a missing node, or leaves through a port its node does not have.',
  },
  'port-multiple-edges': { severity: 'error', doc: 'One output port has more than one edge.' },
  'required-port-unconnected': { severity: 'error', doc: 'A port that must lead somewhere has no edge.' },
  'undeclared-variable': {
    severity: 'error',
    doc: 'An expression or template reads, or a node writes, a name that is not a declared variable.',
  },
  'invalid-expression': { severity: 'error', doc: 'An expression does not parse or fails type checking.' },
  'busy-loop': {
    severity: 'error',
    doc: 'A cycle of nodes that never wait for input, so a turn could loop until the step budget stops it.',
  },
  'unreachable-node': { severity: 'warning', doc: 'No path from the start node reaches this node.' },
  'unused-variable': { severity: 'warning', doc: 'A declared variable that no node reads or writes.' },
} as const satisfies Record<string, { severity: DiagnosticSeverity; doc: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

/** Every diagnostic code; their order breaks ties when diagnostics are sorted. */
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CATALOGUE) as DiagnosticCode[];

/** A diagnostic whose code is one validation defines. */
export type FlowDiagnostic = Diagnostic & { code: DiagnosticCode };

/** Builds a diagnostic with the severity its code always has. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  where: { nodeId?: string; edgeId?: string } = {},
): FlowDiagnostic {
  return {
    severity: DIAGNOSTIC_CATALOGUE[code].severity,
    code,
    message,
    ...(where.nodeId === undefined ? {} : { nodeId: where.nodeId }),
    ...(where.edgeId === undefined ? {} : { edgeId: where.edgeId }),
  };
}

/** True when any diagnostic blocks publishing. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
