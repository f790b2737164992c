import { apiUrl, createParleyClient, type ParleyClient } from '../client/index.ts';
import { CliError, type CliIo, runAction } from './cli-io.ts';
import { EXIT_UNREACHABLE, explainServerError } from './server-errors.ts';

const TOKEN_HINT = 'PARLEY_TOKEN is unknown, expired or revoked; get a new one with `parley login`';

/** Where the server is and who is calling, from PARLEY_URL and PARLEY_TOKEN. */
function serverClient(env: NodeJS.ProcessEnv): { client: ParleyClient; url: string } {
  const url = env.PARLEY_URL?.trim();
  if (!url) {
    throw new CliError(
      'PARLEY_URL is not set: export the address of the Parley server, e.g. PARLEY_URL=http://127.0.0.1:4800',
      EXIT_UNREACHABLE,
    );
  }
  const token = env.PARLEY_TOKEN?.trim();
  if (!token) {
    throw new CliError(
      'PARLEY_TOKEN is not set: export a session token (`parley login`) or an API key',
      EXIT_UNREACHABLE,
    );
  }
  checkServerUrl(url, 'PARLEY_URL: ');
  return { client: createParleyClient({ url, token }), url };
}

/** Refuses what is not a server URL (`localhost:4800` lacks its `http://`) before anything is sent. */
export function checkServerUrl(url: string, label = ''): void {
  try {
    apiUrl(url);
  } catch (error) {
    throw new CliError(`${label}${error instanceof Error ? error.message : String(error)}`, EXIT_UNREACHABLE);
  }
}

/**
 * Runs a command against the server named by the environment: a refusal prints the server's message
 * (exit 1), an unreachable server says so (exit 2).
 */
export function runServerAction(
  io: CliIo,
  body: (client: ParleyClient) => Promise<number>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return runAction(io, async () => {
    const { client, url } = serverClient(env);
    try {
      return await body(client);
    } catch (error) {
      throw error instanceof CliError ? error : explainServerError(error, url, TOKEN_HINT);
    }
  });
}
