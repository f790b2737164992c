import { signInInput } from '../../services/auth/session-service.ts';
import { guardedProcedure, publicProcedure, router, userOf } from '../trpc.ts';

export const authRouter = router({
  signIn: publicProcedure('auth.signIn')
    .input(signInInput)
    .mutation(({ ctx, input }) => ctx.services.auth.signIn(input)),
  signOut: guardedProcedure('auth.signOut').mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await ctx.services.auth.signOut(ctx.sessionToken);
    return { signedOut: true };
  }),
  me: guardedProcedure('auth.me').query(({ ctx }) => ctx.services.auth.getUser(userOf(ctx.principal).id)),
});
