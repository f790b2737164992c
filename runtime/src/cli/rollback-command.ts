import { Command, InvalidArgumentError } from 'commander';
import { type CliIo, EXIT_OK, writeLine } from './cli-io.ts';
import { runServerAction } from './server-connection.ts';

function versionNumber(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value))
    throw new InvalidArgumentError('a version number is a whole number from 1');
  return Number(value);
}

export function rollbackCommand(io: CliIo): Command {
  return new Command('rollback')
    .description(
      'go back, in one environment, to the version live before the current deployment (or to --to N); ends any traffic split',
    )
    .argument('<flowId>', 'the flow on the server')
    .requiredOption('--env <environment>', 'the environment to roll back')
    .option('--to <version>', 'the version to go back to', versionNumber)
    .addHelpText('after', '\nRunning conversations stay on their version; new ones get the rolled-back one.')
    .action((flowId: string, options: { env: string; to?: number }) =>
      runServerAction(io, async (client) => {
        const deployment = await client.deployments.rollback.mutate({
          flowId,
          environment: options.env,
          toVersion: options.to,
        });
        // The history entry the rollback just wrote says what was live before it.
        const [entry] = await client.deployments.history.query({
          flowId,
          environment: options.env,
          limit: 1,
        });
        const was = entry?.fromVersion ? ` (was ${entry.fromVersion})` : '';
        writeLine(
          io.stdout,
          `rolled back ${deployment.environment}: version ${deployment.versionNumber} is live${was}`,
        );
        return EXIT_OK;
      }),
    );
}
