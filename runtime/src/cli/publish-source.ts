import { stat } from 'node:fs/promises';
import { hasErrors } from '@parley/nodes';
import { flowDocumentSchema } from '@parley/shared';
import type { ParleyClient } from '../client/index.ts';
import { checkFlowFile } from './check-flow-file.ts';
import { CliError, type CliIo, EXIT_PROBLEM, writeLine } from './cli-io.ts';
import { formatDiagnostic } from './format-diagnostic.ts';

/** A path names a flow file when it is one on disk or looks like one; anything else is a flow id. */
export async function isFlowFile(target: string): Promise<boolean> {
  if (target.endsWith('.json')) return true;
  return (await stat(target).catch(() => null))?.isFile() ?? false;
}

/**
 * Puts a flow file on the server as a draft and returns the flow's id. The file updates the draft of the
 * server's flow with the same id (a file saved from `flows.export`), else of the one flow with the same
 * name; with neither it is imported as a new flow. A file with validation errors is refused before
 * anything is sent.
 */
export async function uploadDraft(client: ParleyClient, file: string, io: CliIo): Promise<string> {
  const { flow, diagnostics } = await checkFlowFile(file);
  if (hasErrors(diagnostics)) {
    for (const diagnostic of diagnostics.filter((d) => d.severity === 'error'))
      writeLine(io.stderr, formatDiagnostic(diagnostic));
    throw new CliError(`"${file}" has validation errors; nothing was sent to the server`, EXIT_PROBLEM);
  }
  const document = flowDocumentSchema.parse(flow);
  const flows = await client.flows.list.query();
  const named = flows.filter((summary) => summary.name === document.name);
  const target = flows.find((summary) => summary.id === document.id) ?? named[0];
  if (!flows.some((summary) => summary.id === document.id) && named.length > 1) {
    const ids = named.map((summary) => summary.id).join(', ');
    throw new CliError(
      `${named.length} flows on the server are named "${document.name}" (${ids}); give the file the id of the one to update`,
      EXIT_PROBLEM,
    );
  }
  if (!target) {
    const created = await client.flows.import.mutate({ flow: document });
    writeLine(io.stdout, `imported ${file} as flow ${created.id} ("${created.name}")`);
    return created.id;
  }
  const { revision } = await client.flows.get.query({ flowId: target.id });
  const saved = await client.flows.saveDraft.mutate({
    flowId: target.id,
    draft: { ...document, id: target.id },
    baseRevision: revision,
  });
  writeLine(
    io.stdout,
    `updated the draft of flow ${target.id} ("${document.name}") to revision ${saved.revision}`,
  );
  return target.id;
}
