import { compileFlow } from '@parley/nodes';
import { Command } from 'commander';
import { requireValidFlow } from './check-flow-file.ts';
import { type CliIo, EXIT_OK, runAction, writeLine } from './cli-io.ts';

export function compileCommand(io: CliIo): Command {
  return new Command('compile')
    .description('print the XState machine config of a flow as JSON; refuses a flow with validation errors')
    .argument('<file>', 'flow JSON file')
    .addHelpText(
      'after',
      '\nExit codes: 0 compiled, 1 validation or compile errors (on stderr), 2 file unreadable.',
    )
    .action((file: string) =>
      runAction(io, async () => {
        const flow = await requireValidFlow(file, io);
        writeLine(io.stdout, JSON.stringify(compileFlow(flow), null, 2));
        return EXIT_OK;
      }),
    );
}
