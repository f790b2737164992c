import { Command } from 'commander';
import { signIn } from '../client/index.ts';
import { CliError, type CliIo, EXIT_OK, EXIT_UNREADABLE, runAction, writeLine } from './cli-io.ts';
import { formatTimestamp } from './format-table.ts';
import { readPassword } from './read-password.ts';
import { checkServerUrl } from './server-connection.ts';
import { explainServerError } from './server-errors.ts';

export function loginCommand(io: CliIo): Command {
  return new Command('login')
    .description('sign in to a server and print the session token, for PARLEY_TOKEN')
    .argument('<url>', 'the server, e.g. http://127.0.0.1:4800')
    .requiredOption('--email <email>', 'your email address')
    .addHelpText(
      'after',
      [
        '',
        'The password is read from stdin (asked for at a terminal). Only the token goes to stdout:',
        '  export PARLEY_URL=http://127.0.0.1:4800',
        '  export PARLEY_TOKEN=$(parley login "$PARLEY_URL" --email ada@example.com)',
      ].join('\n'),
    )
    .action((url: string, options: { email: string }) =>
      runAction(io, async () => {
        const password = await readPassword(io, `password for ${options.email}: `);
        if (!password) throw new CliError('no password on stdin', EXIT_UNREADABLE);
        checkServerUrl(url);
        const session = await signIn(url, options.email, password).catch((error: unknown) => {
          throw explainServerError(error, url);
        });
        writeLine(io.stdout, session.token);
        const { name, role } = session.user;
        writeLine(io.stderr, `signed in as ${name} (${role}) until ${formatTimestamp(session.expiresAt)}`);
        return EXIT_OK;
      }),
    );
}
