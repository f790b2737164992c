import { conversationEventsInput, flowEventsInput } from '../../server/events/event-inputs.ts';
import { guardedProcedure, router } from '../trpc.ts';

/**
 * Live events over SSE (`httpSubscriptionLink`). Event ids are positions in the transcript, so a client
 * that reconnects with `lastEventId` (the link does it by itself) gets what it missed. Access is checked
 * before the stream opens: an unknown conversation or flow, or one outside an API key's scopes, fails the
 * subscription with NOT_FOUND or FORBIDDEN.
 */
export const eventsRouter = router({
  conversation: guardedProcedure('events.conversation')
    .input(conversationEventsInput)
    .subscription(({ ctx, input, signal }) => ctx.services.events.conversation(ctx.principal, input, signal)),
  flow: guardedProcedure('events.flow')
    .input(flowEventsInput)
    .subscription(({ ctx, input, signal }) => ctx.services.events.flow(ctx.principal, input, signal)),
});
