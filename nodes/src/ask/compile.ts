import type { LocalisedText } from '@parley/shared';
import type { CompileContext } from '../compile/compile-context.ts';
import { type StateConfig, type TransitionConfig, WAITING_TAG } from '../core/machine-config.ts';
import type { AskConfig } from './definition.ts';

/** Answer types a phone keypad can type. */
const KEYPAD_TYPES: ReadonlySet<AskConfig['inputType']> = new Set(['text', 'number', 'phone']);

/**
 * One compound state: `prompt` asks, `waiting` holds the turn, `reprompt` and `no-input` ask again after
 * an invalid answer or silence. A valid answer is stored and leaves by `next`.
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

  const failed = (then: 'reprompt' | 'no-input'): TransitionConfig[] => [
    ...(invalid
      ? [
          {
            guard: { type: 'parley.outOfAttempts', params: { nodeId, maxAttempts: config.maxAttempts } },
            target: invalid,
          },
        ]
      : []),
    { target: then, actions: [{ type: 'parley.countAttempt', params: { nodeId } }] },
  ];
  const answered: TransitionConfig[] = [
    {
      guard: { type: 'ask.valid', params: rule },
      target: ctx.requiredPort('next'),
      actions: [{ type: 'ask.store', params: { ...rule, variable: config.variable } }],
    },
    ...failed('reprompt'),
  ];

  return {
    initial: 'prompt',
    exit: [{ type: 'parley.resetAttempts', params: { nodeId } }],
    states: {
      prompt: { entry: say(config.prompt), always: [{ target: 'waiting' }] },
      waiting: {
        tags: [WAITING_TAG],
        on: {
          'user.message': answered,
          // A quick-reply button some channels show carries its text as the value.
          'user.choice': answered,
          'user.dtmf': KEYPAD_TYPES.has(config.inputType) ? answered : failed('reprompt'),
          'timer.no-input': failed('no-input'),
        },
      },
      reprompt: { entry: say(config.reprompt), always: [{ target: 'waiting' }] },
      'no-input': { entry: say(config.noInputPrompt ?? config.prompt), always: [{ target: 'waiting' }] },
    },
  };
}
