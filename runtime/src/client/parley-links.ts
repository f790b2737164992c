import { httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { EventSource, type FetchLike } from 'eventsource';

export type ParleyLinkOptions = {
  /** The server, as `pnpm start` prints it (`http://127.0.0.1:4800`); the API's `/trpc` may be included. */
  url: string;
  /** A session token from `auth.signIn` or an API key (`pk_...`); without one only `auth.signIn` answers. */
  token?: string | undefined;
};

/** The tRPC endpoint of a server URL: `/trpc` is appended unless the URL already ends with it. */
export function apiUrl(serverUrl: string): string {
  // `localhost:4800` parses as a URL of scheme "localhost:", so the scheme is checked too.
  const url = URL.canParse(serverUrl) ? new URL(serverUrl) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`"${serverUrl}" is not a URL; give the server's address, like http://127.0.0.1:4800`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/trpc') ? path : `${path}/trpc`;
  return url.toString().replace(/\/$/, '');
}

/**
 * Queries and mutations go over batched HTTP; subscriptions over server-sent events. Node 20 has no global
 * EventSource, and the browser's cannot send headers, so the `eventsource` package carries the bearer token
 * through its `fetch` option.
 */
export function parleyLinks(options: ParleyLinkOptions): TRPCLink<AnyTRPCRouter>[] {
  const url = apiUrl(options.url);
  const authorization: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const fetchWithToken: FetchLike = (input, init) =>
    fetch(input, { ...init, headers: { ...init.headers, ...authorization } });
  return [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url, EventSource, eventSourceOptions: { fetch: fetchWithToken } }),
      // Long batched query strings are split before proxies refuse them.
      false: httpBatchLink({ url, headers: authorization, maxURLLength: 4000 }),
    }),
  ];
}
