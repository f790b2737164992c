import { Command } from 'commander';
import { type CliIo, EXIT_OK, writeLine } from './cli-io.ts';
import { formatTable, formatTimestamp, oneLine } from './format-table.ts';
import { runServerAction } from './server-connection.ts';
import { whereLive } from './where-live.ts';

export function versionsCommand(io: CliIo): Command {
  return new Command('versions')
    .description("list a flow's published versions on the server, newest first, and where each is live")
    .argument('<flowId>', 'the flow on the server')
    .action((flowId: string) =>
      runServerAction(io, async (client) => {
        const [versions, flows] = await Promise.all([
          client.versions.list.query({ flowId }),
          client.flows.list.query(),
        ]);
        if (versions.length === 0) {
          writeLine(io.stdout, `flow ${flowId} has no published versions yet`);
          return EXIT_OK;
        }
        const live = flows.find((flow) => flow.id === flowId)?.live ?? {};
        const rows = versions.map((version) => [
          String(version.number),
          version.authorName,
          formatTimestamp(version.createdAt),
          oneLine(version.notes),
          whereLive(live, version.number),
        ]);
        for (const line of formatTable(['VERSION', 'AUTHOR', 'PUBLISHED', 'NOTES', 'LIVE'], rows))
          writeLine(io.stdout, line);
        return EXIT_OK;
      }),
    );
}
