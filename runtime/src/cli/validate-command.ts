import { hasErrors } from '@parley/nodes';
import { Command } from 'commander';
import { checkFlowFile } from './check-flow-file.ts';
import { type CliIo, EXIT_OK, EXIT_PROBLEM, runAction, writeLine } from './cli-io.ts';
import { formatDiagnostic, summariseDiagnostics } from './format-diagnostic.ts';

export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .description('check a flow file: one diagnostic a line on stdout, exit 1 when there are errors')
    .argument('<file>', 'flow JSON file')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (warnings allowed), 1 errors, 2 file unreadable or not JSON.',
    )
    .action((file: string) =>
      runAction(io, async () => {
        const { diagnostics } = await checkFlowFile(file);
        for (const diagnostic of diagnostics) writeLine(io.stdout, formatDiagnostic(diagnostic));
        // The summary is for people; stdout stays one diagnostic a line for scripts.
        writeLine(io.stderr, `${file}: ${summariseDiagnostics(diagnostics)}`);
        return hasErrors(diagnostics) ? EXIT_PROBLEM : EXIT_OK;
      }),
    );
}
