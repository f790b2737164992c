export type DiagnosticSeverity = 'error' | 'warning';

/** One problem found in a flow; `code` is stable for tools, `message` is for the person fixing it. */
export type Diagnostic = {
  severity: DiagnosticSeverity;
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
};
