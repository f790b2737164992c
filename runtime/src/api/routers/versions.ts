import { diffInput, flowInput, publishInput, versionInput } from '../../services/flows/index.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const versionsRouter = router({
  list: guardedProcedure('versions.list')
    .input(flowInput)
    .query(({ ctx, input }) => ctx.services.flows.versions(input.flowId)),
  get: guardedProcedure('versions.get')
    .input(versionInput)
    .query(({ ctx, input }) => ctx.services.flows.getVersion(input.flowId, input.versionNumber)),
  diff: guardedProcedure('versions.diff')
    .input(diffInput)
    .query(({ ctx, input }) => ctx.services.flows.diff(input.flowId, input.from, input.to)),
  publish: guardedProcedure('versions.publish')
    .input(publishInput)
    .mutation(({ ctx, input }) =>
      ctx.services.flows.publish(ctx.principal, input.flowId, { notes: input.notes }),
    ),
});
