import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from './cli-io.ts';

/**
 * The first line of stdin. At a terminal it asks on stderr and does not echo what is typed; piped, it
 * reads silently, so scripts can `printf '%s\n' "$PASSWORD" | parley login ...`.
 */
export async function readPassword(io: CliIo, prompt: string): Promise<string | null> {
  if (io.stdinIsTTY) io.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: io.stdin, output: muted, terminal: io.stdinIsTTY });
  try {
    for await (const line of lines) return line;
    return null;
  } finally {
    lines.close();
    if (io.stdinIsTTY) io.stderr.write('\n');
  }
}
