import {
  deployInput,
  deployPreviewInput,
  historyInput,
  rollbackInput,
  trafficSplitInput,
} from '../../services/flows/index.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const deploymentsRouter = router({
  deploy: guardedProcedure('deployments.deploy')
    .input(deployInput)
    .mutation(({ ctx, input }) =>
      ctx.services.flows.deploy(ctx.principal, input.flowId, input.environment, input.versionNumber),
    ),
  rollback: guardedProcedure('deployments.rollback')
    .input(rollbackInput)
    .mutation(({ ctx, input }) =>
      ctx.services.flows.rollback(ctx.principal, input.flowId, input.environment, input.toVersion),
    ),
  setTrafficSplit: guardedProcedure('deployments.setTrafficSplit')
    .input(trafficSplitInput)
    .mutation(({ ctx, input }) => {
      const { flowId, environment, ...split } = input;
      return ctx.services.flows.setTrafficSplit(ctx.principal, flowId, environment, split);
    }),
  deployPreview: guardedProcedure('deployments.deployPreview')
    .input(deployPreviewInput)
    .query(({ ctx, input }) =>
      ctx.services.flows.deployPreview(input.flowId, input.environment, input.versionNumber),
    ),
  history: guardedProcedure('deployments.history')
    .input(historyInput)
    .query(({ ctx, input }) => ctx.services.flows.history(input.flowId, input.environment, input.limit)),
});
