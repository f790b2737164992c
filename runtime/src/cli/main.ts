import { createProgram } from './program.ts';

const program = createProgram({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  stdinIsTTY: process.stdin.isTTY === true,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Exit codes are set, never forced with process.exit(): piped output is flushed before the process ends.
await program.parseAsync(process.argv);
