import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const DESIGNER_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A production build of the designer in a folder of its own, as `pnpm start` serves it. */
export async function buildDesigner(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-designer-build-'));
  await build({
    root: DESIGNER_ROOT,
    configFile: join(DESIGNER_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
