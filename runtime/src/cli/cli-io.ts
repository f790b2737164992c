import type { Readable } from 'node:stream';

/** Where text goes; a stream in the real CLI, an array in tests. */
export type TextSink = { write(text: string): unknown };

/** The process around a command, injected so commands can run inside tests. */
export type CliIo = {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  /** True when a person types at a terminal; piped input is echoed instead. */
  stdinIsTTY: boolean;
  setExitCode(code: number): void;
};

/** Exit codes: 1 means the flow or the conversation has a problem, 2 that the input could not be read. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_UNREADABLE = 2;

/** A failure the user can fix, reported as one `error: ...` line with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function writeLine(sink: TextSink, line: string): void {
  sink.write(`${line}\n`);
}

/**
 * Runs a command body and turns its outcome into an exit code: a CliError or any other failure becomes
 * one `error: ...` line, never a stack trace.
 */
export async function runAction(io: CliIo, body: () => Promise<number>): Promise<void> {
  try {
    io.setExitCode(await body());
  } catch (error) {
    writeLine(io.stderr, `error: ${error instanceof Error ? error.message : String(error)}`);
    io.setExitCode(error instanceof CliError ? error.exitCode : EXIT_PROBLEM);
  }
}
