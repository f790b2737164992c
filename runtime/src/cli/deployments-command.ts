import { Command } from 'commander';
import { type CliIo, EXIT_OK, writeLine } from './cli-io.ts';
import { formatTable, formatTimestamp } from './format-table.ts';
import { runServerAction } from './server-connection.ts';

export function deploymentsCommand(io: CliIo): Command {
  return new Command('deployments')
    .description("a flow's deployment history on the server, newest first: deploys, rollbacks, splits")
    .argument('<flowId>', 'the flow on the server')
    .option('--env <environment>', 'only this environment')
    .action((flowId: string, options: { env?: string }) =>
      runServerAction(io, async (client) => {
        const history = await client.deployments.history.query({ flowId, environment: options.env });
        if (history.length === 0) {
          const where = options.env ? ` to ${options.env}` : '';
          writeLine(io.stdout, `flow ${flowId} was never deployed${where}`);
          return EXIT_OK;
        }
        const rows = history.map((entry) => [
          formatTimestamp(entry.createdAt),
          entry.environment,
          entry.action,
          entry.fromVersion === null ? '-' : String(entry.fromVersion),
          String(entry.toVersion),
          entry.split ? `${entry.split.percent}% to ${entry.split.versionNumber}` : '',
          entry.actorName,
        ]);
        const header = ['WHEN', 'ENVIRONMENT', 'ACTION', 'FROM', 'TO', 'SPLIT', 'BY'];
        for (const line of formatTable(header, rows)) writeLine(io.stdout, line);
        return EXIT_OK;
      }),
    );
}
