import { layoutGraphSchema } from '@parley/shared';
import {
  createFlowInput,
  flowInput,
  importFlowInput,
  renameFlowInput,
  saveDraftInput,
} from '../../services/flows/index.ts';
import { layoutFlowGraph } from '../../services/layout/layout-flow-graph.ts';
import { guardedProcedure, router } from '../trpc.ts';

export const flowsRouter = router({
  list: guardedProcedure('flows.list').query(({ ctx }) => ctx.services.flows.list()),
  get: guardedProcedure('flows.get')
    .input(flowInput)
    .query(({ ctx, input }) => ctx.services.flows.get(input.flowId)),
  export: guardedProcedure('flows.export')
    .input(flowInput)
    .query(({ ctx, input }) => ctx.services.flows.exportFlow(input.flowId)),
  create: guardedProcedure('flows.create')
    .input(createFlowInput)
    .mutation(({ ctx, input }) => ctx.services.flows.create(ctx.principal, input)),
  import: guardedProcedure('flows.import')
    .input(importFlowInput)
    .mutation(({ ctx, input }) => ctx.services.flows.importFlow(ctx.principal, input)),
  rename: guardedProcedure('flows.rename')
    .input(renameFlowInput)
    .mutation(({ ctx, input }) => ctx.services.flows.rename(ctx.principal, input.flowId, input.name)),
  delete: guardedProcedure('flows.delete')
    .input(flowInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.flows.remove(ctx.principal, input.flowId);
      return { deleted: true };
    }),
  // Stateless: positions for the designer's "Tidy up", computed where ELK's 1.6 MB of code can live.
  layout: guardedProcedure('flows.layout')
    .input(layoutGraphSchema)
    .mutation(({ input }) => layoutFlowGraph(input)),
  saveDraft: guardedProcedure('flows.saveDraft')
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => ctx.services.flows.saveDraft(ctx.principal, input)),
});
