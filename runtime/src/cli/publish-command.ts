import { Command } from 'commander';
import { type CliIo, EXIT_OK, writeLine } from './cli-io.ts';
import { formatDiagnostic } from './format-diagnostic.ts';
import { isFlowFile, uploadDraft } from './publish-source.ts';
import { runServerAction } from './server-connection.ts';

export function publishCommand(io: CliIo): Command {
  return new Command('publish')
    .description("publish a flow's draft on the server as a new version and deploy it to an environment")
    .argument('<file|flowId>', 'a flow JSON file to upload first, or the id of a flow on the server')
    .requiredOption('--env <environment>', 'the environment to deploy the new version to')
    .option('--notes <text>', 'release notes for the new version', '')
    .addHelpText(
      'after',
      [
        '',
        "A file updates the draft of the server's flow with the file's id (a file exported from the",
        'server), else of the one flow with the same name; with neither it is imported as a new flow.',
        'A flow id publishes that flow’s current draft. Needs an admin: PARLEY_URL and PARLEY_TOKEN.',
      ].join('\n'),
    )
    .action((target: string, options: { env: string; notes: string }) =>
      runServerAction(io, async (client) => {
        const flowId = (await isFlowFile(target)) ? await uploadDraft(client, target, io) : target;
        const { version, warnings } = await client.versions.publish.mutate({ flowId, notes: options.notes });
        for (const warning of warnings) writeLine(io.stderr, formatDiagnostic(warning));
        writeLine(io.stdout, `published version ${version.number} of flow ${flowId}`);
        const deployment = await client.deployments.deploy.mutate({
          flowId,
          environment: options.env,
          versionNumber: version.number,
        });
        writeLine(io.stdout, `deployed version ${deployment.versionNumber} to ${deployment.environment}`);
        return EXIT_OK;
      }),
    );
}
