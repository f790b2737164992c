import { createTRPCClient, type TRPCClient } from '@trpc/client';
// A type only: a connector built on this client bundles no server code.
import type { AppRouter } from '../api/router.ts';
import { type ParleyLinkOptions, parleyLinks } from './parley-links.ts';

/** The typed Parley API: `client.conversations.send.mutate(...)`, `client.flows.list.query()`, ... */
export type ParleyClient = TRPCClient<AppRouter>;

export type ParleyClientOptions = ParleyLinkOptions;

/** A client for a Parley server, authenticated by a session token or an API key. */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  return createTRPCClient<AppRouter>({ links: parleyLinks(options) });
}
