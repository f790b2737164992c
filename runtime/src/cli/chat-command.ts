import { Command } from 'commander';
import { requireValidFlow } from './check-flow-file.ts';
import { type CliIo, runAction, writeLine } from './cli-io.ts';
import { startExampleApi } from './example-api.ts';

type ChatFlags = { lang?: string; channel: string; withExampleApi?: boolean };

export function chatCommand(io: CliIo): Command {
  return new Command('chat')
    .description('chat with a flow on the terminal; reads one user line per turn from stdin')
    .argument('<file>', 'flow JSON file')
    .option('--lang <code>', "conversation language, e.g. en or zh (default: the flow's first language)")
    .option('--channel <name>', 'channel the conversation pretends to come from', 'web')
    .option('--with-example-api', 'run the example fake order API on 127.0.0.1:4801 during the chat')
    .addHelpText(
      'after',
      [
        '',
        'Lines: /choice <value> clicks a button, /dtmf <digits> presses keys, /noinput fires the no-input',
        'timer, /hangup hangs up; any other line is a typed message. Piped input works, one line per turn.',
        'Exit codes: 0 conversation or input ended, 1 flow invalid or engine error, 2 file unreadable.',
      ].join('\n'),
    )
    .action((file: string, flags: ChatFlags) =>
      runAction(io, async () => {
        const flow = await requireValidFlow(file, io);
        if (flags.lang && !flow.languages.includes(flags.lang.split('-')[0] ?? flags.lang)) {
          writeLine(
            io.stderr,
            `warning: the flow has no "${flags.lang}" texts (it has ${flow.languages.join(', ')}); ` +
              `texts fall back to ${flow.languages[0]}`,
          );
        }
        // The engine loads every node runtime (dates, phone numbers, HTTP): only chat pays for it.
        const [{ loadVersion }, { runChatSession }] = await Promise.all([
          import('../engine/index.ts'),
          import('./chat-session.ts'),
        ]);
        const api = flags.withExampleApi ? await startExampleApi() : undefined;
        try {
          return await runChatSession({
            version: loadVersion({ flow }),
            channel: flags.channel,
            ...(flags.lang ? { locale: flags.lang } : {}),
            input: io.stdin,
            output: io.stdout,
            errors: io.stderr,
            echo: !io.stdinIsTTY,
            ...(io.stdinIsTTY ? { terminal: process.stdout } : {}),
          });
        } finally {
          await api?.close();
        }
      }),
    );
}
