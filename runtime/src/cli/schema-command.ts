import { flowJsonSchema } from '@parley/shared';
import { Command } from 'commander';
import { type CliIo, EXIT_OK, runAction, writeLine } from './cli-io.ts';

export function schemaCommand(io: CliIo): Command {
  return new Command('schema')
    .description('print the JSON Schema of the flow document, for editors and external tools')
    .action(() =>
      runAction(io, async () => {
        writeLine(io.stdout, JSON.stringify(flowJsonSchema(), null, 2));
        return EXIT_OK;
      }),
    );
}
