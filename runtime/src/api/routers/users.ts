import {
  changePasswordInput,
  createUserInput,
  disableUserInput,
  updateUserInput,
} from '../../services/auth/user-inputs.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const usersRouter = router({
  list: guardedProcedure('users.list').query(({ ctx }) => ctx.services.auth.listUsers()),
  create: guardedProcedure('users.create')
    .input(createUserInput)
    .mutation(({ ctx, input }) => ctx.services.auth.createUser(ctx.principal, input)),
  update: guardedProcedure('users.update')
    .input(updateUserInput)
    .mutation(({ ctx, input }) => ctx.services.auth.updateUser(ctx.principal, input)),
  disable: guardedProcedure('users.disable')
    .input(disableUserInput)
    .mutation(({ ctx, input }) => ctx.services.auth.disableUser(ctx.principal, input)),
  changePassword: guardedProcedure('users.changePassword')
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.changePassword(
        ctx.principal,
        input,
        ctx.sessionToken ? { keepSessionToken: ctx.sessionToken } : {},
      );
      return { changed: true };
    }),
});
