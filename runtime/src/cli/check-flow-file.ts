import { hasErrors, validateFlow } from '@parley/nodes';
import { type Diagnostic, type FlowDocument, flowDocumentSchema } from '@parley/shared';
import { CliError, type CliIo, EXIT_PROBLEM, writeLine } from './cli-io.ts';
import { formatDiagnostic } from './format-diagnostic.ts';
import { readFlowFile } from './read-flow-file.ts';

export type CheckedFlow = { flow: unknown; diagnostics: Diagnostic[] };

/** Reads and validates a flow file. */
export async function checkFlowFile(path: string): Promise<CheckedFlow> {
  const flow = await readFlowFile(path);
  return { flow, diagnostics: validateFlow(flow) };
}

/**
 * For commands that need a runnable flow: diagnostics go to stderr, and errors stop the command, so a
 * broken flow is never compiled or run half-way.
 */
export async function requireValidFlow(path: string, io: CliIo): Promise<FlowDocument> {
  const { flow, diagnostics } = await checkFlowFile(path);
  for (const diagnostic of diagnostics) writeLine(io.stderr, formatDiagnostic(diagnostic));
  if (hasErrors(diagnostics)) {
    throw new CliError(`"${path}" has validation errors; fix them first (see above)`, EXIT_PROBLEM);
  }
  const parsed = flowDocumentSchema.safeParse(flow);
  if (!parsed.success) {
    // validateFlow reports schema problems itself; this only guards against the two disagreeing.
    throw new CliError(`"${path}" is not a flow document: ${parsed.error.issues[0]?.message}`, EXIT_PROBLEM);
  }
  return parsed.data;
}
