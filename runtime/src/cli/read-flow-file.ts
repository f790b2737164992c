import { readFile } from 'node:fs/promises';
import { CliError, EXIT_UNREADABLE } from './cli-io.ts';

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Reads a flow file as JSON; what it contains is for validateFlow to judge. */
export async function readFlowFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read "${path}": ${readProblem(error)}`, EXIT_UNREADABLE);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`"${path}" is not valid JSON: ${reason}`, EXIT_UNREADABLE);
  }
}
