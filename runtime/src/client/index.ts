/**
 * `@parley/runtime/client`: the typed API client for channel connectors and tools. It loads no server
 * code: the router is imported as a type only.
 */
export type { BotMessage, UserEvent } from '@parley/shared';
export { isTRPCClientError, TRPCClientError } from '@trpc/client';
export type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
export type { AppRouter } from '../api/router.ts';
export { createParleyClient, type ParleyClient, type ParleyClientOptions } from './create-parley-client.ts';
export { apiUrl } from './parley-links.ts';
export { type SignedIn, signIn } from './sign-in.ts';
