import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `pnpm --filter @parley/designer build` puts the designer. */
export const defaultDesignerDir = () => fileURLToPath(new URL('../../../designer/dist', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Parley</title>
<p>The designer is not built yet. Run <code>pnpm --filter @parley/designer build</code> (<code>pnpm start</code>
does it for you) and reload this page. The API answers at <code>/trpc</code>.</p>`;

/**
 * Serves the designer's production build at `/`. It routes by the URL's hash, so the server only needs its
 * index and assets; a missing build gets a page saying how to make one rather than a 404.
 */
export function registerDesignerFiles(app: FastifyInstance, dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', (_request, reply) => reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
    return;
  }
  app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // Hashed asset names never change content; the index must be fetched again to see a new build.
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
}
