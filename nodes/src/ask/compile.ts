import type { LocalisedText } from '@parley/shared';
import type { CompileContext } from '../compile/compile-context.ts';
import { type StateConfig, type TransitionConfig, WAITING_TAG } from '../core/machine-config.ts';
import type { AskConfig } from './definition.ts';

/** Answer types a phone keypad can type. */
const KEYPAD_TYPES: ReadonlySet<AskConfig['inputType']> = new Set(['text', 'number', 'phone']);

/**
 * One compound state that asks on entry and holds the turn in `waiting`. An invalid answer or silence asks
 * again without leaving it (a transition without target: no states to exit and enter, one microstep less
 * a turn than a separate asking state); too many lead out by `invalid`. A valid answer is stored and leaves
 * by `next`.
 */
export function compileAsk(config: AskConfig, ctx: CompileContext): StateConfig {
  const nodeId = ctx.nodeId;
  const say = (text: LocalisedText) => [{ type: 'ask.say', params: { text } }];
  const invalid = ctx.port('invalid');
  const rule = {
    inputType: config.inputType,
    ...(config.pattern !== undefined ? { pattern: config.pattern } : {}),
    ...(config.defaultCountry !== undefined ? { defaultCountry: config.defaultCountry } : {}),
  };

  const failed = (askAgain: LocalisedText): TransitionConfig[] => [
    ...(invalid
      ? [
          {
            guard: { type: 'parley.outOfAttempts', params: { nodeId, maxAttempts: config.maxAttempts } },
            target: invalid,
          },
        ]
      : []),
    { actions: [{ type: 'parley.countAttempt', params: { nodeId } }, ...say(askAgain)] },
  ];
  const answered: TransitionConfig[] = [
    {
      guard: { type: 'ask.valid', params: rule },
      target: ctx.requiredPort('next'),
      actions: [{ type: 'ask.store', params: { ...rule, variable: config.variable } }],
    },
    ...failed(config.reprompt),
  ];

  return {
    initial: 'waiting',
    entry: say(config.prompt),
    exit: [{ type: 'parley.resetAttempts', params: { nodeId } }],
    states: {
      waiting: {
        tags: [WAITING_TAG],
        on: {
          'user.message': answered,
          // A quick-reply button some channels show carries its text as the value.
          'user.choice': answered,
          'user.dtmf': KEYPAD_TYPES.has(config.inputType) ? answered : failed(config.reprompt),
          'timer.no-input': failed(config.noInputPrompt ?? config.prompt),
        },
      },
    },
  };
}
