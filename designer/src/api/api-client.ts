// Types only: the designer bundles no server code.
import type { AppRouter, inferRouterOutputs } from '@parley/runtime/client';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

export type ApiClient = TRPCClient<AppRouter>;
export type ApiOutputs = inferRouterOutputs<AppRouter>;

/** The API of the server that served the designer, as the signed-in user (or anonymously, to sign in). */
export function createApiClient(token: string | null): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL('/trpc', window.location.origin).toString(),
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}
