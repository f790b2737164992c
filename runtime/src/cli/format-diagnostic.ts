import type { Diagnostic } from '@parley/shared';

/** One line per diagnostic, greppable: `error busy-loop node=a: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [
    diagnostic.nodeId === undefined ? '' : ` node=${diagnostic.nodeId}`,
    diagnostic.edgeId === undefined ? '' : ` edge=${diagnostic.edgeId}`,
  ].join('');
  return `${diagnostic.severity} ${diagnostic.code}${where}: ${diagnostic.message}`;
}

/** `2 errors, 1 warning` or `no problems found`. */
export function summariseDiagnostics(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return 'no problems found';
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
