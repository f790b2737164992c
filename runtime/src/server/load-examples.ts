import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParleyServices } from '../api/context.ts';
import { systemPrincipal } from '../services/principal.ts';

export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/flows');

export type LoadedExample = { name: string; flowId: string; version: number; created: boolean };

/**
 * Imports each example flow that is not there yet (by name), publishes it and deploys it to
 * `development`, so a fresh start has something to talk to. Existing flows are left as they are.
 */
export async function loadExamples(services: ParleyServices, dir = EXAMPLES_DIR): Promise<LoadedExample[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.flow.json')).sort();
  const existing = await services.flows.list();
  const loaded: LoadedExample[] = [];
  for (const file of files) {
    const flow = JSON.parse(await readFile(join(dir, file), 'utf8')) as { name: string };
    const present = existing.find((summary) => summary.name === flow.name);
    if (present) {
      loaded.push({
        name: present.name,
        flowId: present.id,
        version: present.latestVersion ?? 0,
        created: false,
      });
      continue;
    }
    const imported = await services.flows.importFlow(systemPrincipal, { flow });
    const published = await services.flows.publish(systemPrincipal, imported.id, {
      notes: `example ${file}`,
    });
    await services.flows.deploy(systemPrincipal, imported.id, 'development', published.version.number);
    loaded.push({
      name: imported.name,
      flowId: imported.id,
      version: published.version.number,
      created: true,
    });
  }
  return loaded;
}
