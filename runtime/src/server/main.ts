import { startOrderApi } from '../../../examples/order-api/order-api.ts';
import { runtimeMode } from '../services/auth/initial-users.ts';
import { systemPrincipal } from '../services/principal.ts';
import { openDatabase } from '../store/database.ts';
import { defaultDesignerDir } from './designer-files.ts';
import { loadExamples } from './load-examples.ts';
import { createLogger } from './logger.ts';
import { createParleyServer } from './parley-server.ts';

/** `pnpm start`: the runtime server on PARLEY_PORT with the SQLite default, examples loaded in development. */
async function main(): Promise<void> {
  const env = process.env;
  const mode = runtimeMode(env);
  const logger = createLogger();
  const database = await openDatabase();
  const server = createParleyServer({ database, logger, designerDir: defaultDesignerDir() });
  const { services } = server;

  const users = await services.auth.ensureInitialUsers({ mode, env });
  const examples = mode === 'development' && env.PARLEY_EXAMPLES !== '0' ? await loadExamples(services) : [];
  // The order-status example calls a fake order API; in development it runs beside the server.
  const orderApi = examples.length > 0 ? await startOrderApi({ port: 4801 }).catch(() => null) : null;
  const connectorKey =
    examples.some((e) => e.created) && mode === 'development'
      ? await services.auth.createApiKey(systemPrincipal, {
          name: 'examples connector',
          scopes: { flowIds: '*', environments: ['development'] },
        })
      : null;

  const url = await server.listen(Number(env.PARLEY_PORT ?? 4800), env.PARLEY_HOST ?? '127.0.0.1');
  const lines = [
    `Parley is running at ${url} (${database.dialect}, ${mode})`,
    `  designer: ${url}/`,
    `  health: ${url}/healthz`,
    `  API:    ${url}/trpc`,
  ];
  for (const user of users.filter((u) => u.password))
    lines.push(`  ${user.role}: ${user.email} / ${user.password}`);
  for (const example of examples)
    lines.push(`  flow "${example.name}": ${example.flowId}, v${example.version} on development`);
  if (connectorKey) lines.push(`  connector API key (shown once): ${connectorKey.key}`);
  if (orderApi) lines.push(`  example order API: ${orderApi.url}`);
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    Promise.all([server.close(), orderApi?.close()])
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Parley could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
