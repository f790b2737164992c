import { Command } from 'commander';
import { chatCommand } from './chat-command.ts';
import type { CliIo } from './cli-io.ts';
import { compileCommand } from './compile-command.ts';
import { schemaCommand } from './schema-command.ts';
import { validateCommand } from './validate-command.ts';

/** The `parley` command line: validate, compile and chat with flows. */
export function createProgram(io: CliIo): Command {
  const program = new Command('parley')
    .description('Parley flows on the command line')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');
  for (const command of [validateCommand(io), compileCommand(io), chatCommand(io), schemaCommand(io)]) {
    program.addCommand(command.configureOutput(program.configureOutput()).showHelpAfterError());
  }
  return program;
}
