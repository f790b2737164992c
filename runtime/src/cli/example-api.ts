import { CliError, EXIT_PROBLEM } from './cli-io.ts';

export const EXAMPLE_API_PORT = 4801;

/**
 * Starts the examples' fake order API for `chat --with-example-api`. Loaded on demand: it is demo code
 * from `examples/`, not part of the runtime.
 */
export async function startExampleApi(
  port = EXAMPLE_API_PORT,
): Promise<{ url: string; close(): Promise<void> }> {
  const { startOrderApi } = await import('../../../examples/order-api/order-api.ts');
  try {
    return await startOrderApi({ port });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use' : String(error);
    throw new CliError(`cannot start the example order API on 127.0.0.1:${port}: ${reason}`, EXIT_PROBLEM);
  }
}
