import {
  getInput,
  listInput,
  resetInput,
  sendInput,
  startInput,
  transcriptInput,
} from '../../services/conversations/index.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const conversationsRouter = router({
  start: guardedProcedure('conversations.start')
    .input(startInput)
    .mutation(({ ctx, input }) => ctx.services.conversations.start(ctx.principal, input)),
  send: guardedProcedure('conversations.send')
    .input(sendInput)
    .mutation(({ ctx, input }) => ctx.services.conversations.sendParsed(ctx.principal, input)),
  reset: guardedProcedure('conversations.reset')
    .input(resetInput)
    .mutation(({ ctx, input }) => ctx.services.conversations.reset(ctx.principal, input)),
  list: guardedProcedure('conversations.list')
    .input(listInput)
    .query(({ ctx, input }) => ctx.services.conversations.list(ctx.principal, input)),
  get: guardedProcedure('conversations.get')
    .input(getInput)
    .query(({ ctx, input }) => ctx.services.conversations.get(ctx.principal, input)),
  transcript: guardedProcedure('conversations.transcript')
    .input(transcriptInput)
    .query(({ ctx, input }) => ctx.services.conversations.transcript(ctx.principal, input)),
});
