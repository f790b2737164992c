import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp } from './create-http-app.ts';
import { registerDesignerFiles } from './designer-files.ts';

const dirs: string[] = [];
function designerBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-designer-files-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the designer at /', () => {
  it('serves the build: the index revalidated, hashed assets cached for good', async () => {
    const app = createHttpApp();
    registerDesignerFiles(
      app,
      designerBuild({ 'index.html': '<title>Parley designer</title>', 'assets/app-1a2b.js': 'run()' }),
    );
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain('Parley designer');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.body).toBe('run()');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('says how to build the designer when there is no build', async () => {
    const app = createHttpApp();
    registerDesignerFiles(app, designerBuild({}));
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('pnpm --filter @parley/designer build');
  });
});
