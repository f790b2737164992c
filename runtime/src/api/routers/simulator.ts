import { simulatorSendInput, simulatorStartInput } from '../../services/simulator/index.ts';
import { guardedProcedure, router } from '../trpc.ts';

/**
 * Chatting with a flow's draft from the designer. Mutations although nothing is stored: each call runs
 * the flow (an HTTP node may call out), which a query, retried or prefetched at will, must not do.
 */
export const simulatorRouter = router({
  start: guardedProcedure('simulator.start')
    .input(simulatorStartInput)
    .mutation(({ ctx, input }) => ctx.services.simulator.start(ctx.principal, input)),
  send: guardedProcedure('simulator.send')
    .input(simulatorSendInput)
    .mutation(({ ctx, input }) => ctx.services.simulator.send(ctx.principal, input)),
});
