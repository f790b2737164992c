import { interpolate, type LocalisedText, pickLocale } from '@parley/shared';
import type { FlowContext, StartEvent } from './flow-context.ts';
import { scopeOf } from './flow-context.ts';
import { contextAction, defineRuntime, type FlowGuard } from './implementation-helpers.ts';

/** A localised template rendered for the conversation's language with its variables. */
export function renderText(text: LocalisedText, context: FlowContext): string {
  return interpolate(pickLocale(text, context.locale, context.fallbackLocale), scopeOf(context));
}

const withinBudget: FlowGuard = ({ context }) => context.steps < context.maxSteps;

/** True when the failed answer being handled is the last one a waiting node allows. */
const outOfAttempts: FlowGuard<{ nodeId: string; maxAttempts: number }> = (
  { context },
  { nodeId, maxAttempts },
) => (context.attempts[nodeId] ?? 0) + 1 >= maxAttempts;

/** Implementations every compiled machine uses, whatever its node kinds. */
export const commonRuntime = defineRuntime(() => ({
  actions: {
    'parley.boot': contextAction(({ event }) => {
      const start = event as StartEvent;
      return { channel: start.channel, locale: start.locale };
    }),
    'parley.enter': contextAction<{ nodeId: string }>(({ context }, { nodeId }) => ({
      node: nodeId,
      steps: context.steps + 1,
    })),
    'parley.resolve': contextAction<{ status: string }>((_, { status }) => ({ resolution: status })),
    // Failed answers per waiting node (ask, choice), forgotten when the node is left.
    'parley.countAttempt': contextAction<{ nodeId: string }>(({ context }, { nodeId }) => ({
      attempts: { ...context.attempts, [nodeId]: (context.attempts[nodeId] ?? 0) + 1 },
    })),
    'parley.resetAttempts': contextAction<{ nodeId: string }>(({ context }, { nodeId }) => {
      const { [nodeId]: _left, ...attempts } = context.attempts;
      return { attempts };
    }),
  },
  guards: { 'parley.withinBudget': withinBudget, 'parley.outOfAttempts': outOfAttempts },
}));
