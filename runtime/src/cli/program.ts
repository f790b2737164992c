import { Command } from 'commander';
import { chatCommand } from './chat-command.ts';
import type { CliIo } from './cli-io.ts';
import { compileCommand } from './compile-command.ts';
import { deploymentsCommand } from './deployments-command.ts';
import { loginCommand } from './login-command.ts';
import { publishCommand } from './publish-command.ts';
import { rollbackCommand } from './rollback-command.ts';
import { schemaCommand } from './schema-command.ts';
import { validateCommand } from './validate-command.ts';
import { versionsCommand } from './versions-command.ts';

/** The `parley` command line: validate, compile and chat with flows; publish and deploy them on a server. */
export function createProgram(io: CliIo): Command {
  const program = new Command('parley')
    .description('Parley flows on the command line')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');
  const local = [validateCommand(io), compileCommand(io), chatCommand(io), schemaCommand(io)];
  // Against a server named by PARLEY_URL and PARLEY_TOKEN (login prints the token).
  const remote = [
    loginCommand(io),
    publishCommand(io),
    rollbackCommand(io),
    versionsCommand(io),
    deploymentsCommand(io),
  ];
  for (const command of [...local, ...remote]) {
    program.addCommand(command.configureOutput(program.configureOutput()).showHelpAfterError());
  }
  return program;
}
