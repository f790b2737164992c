import { createApiKeyInput, revokeApiKeyInput } from '../../services/auth/api-key-inputs.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const apiKeysRouter = router({
  list: guardedProcedure('apiKeys.list').query(({ ctx }) => ctx.services.auth.listApiKeys()),
  /** The answer holds the key itself: the only time it is ever shown. */
  create: guardedProcedure('apiKeys.create')
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => ctx.services.auth.createApiKey(ctx.principal, input)),
  revoke: guardedProcedure('apiKeys.revoke')
    .input(revokeApiKeyInput)
    .mutation(({ ctx, input }) => ctx.services.auth.revokeApiKey(ctx.principal, input)),
});
