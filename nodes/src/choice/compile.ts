import type { LocalisedText } from '@parley/shared';
import type { CompileContext } from '../compile/compile-context.ts';
import { type StateConfig, type TransitionConfig, WAITING_TAG } from '../core/machine-config.ts';
import { type ChoiceConfig, NO_MATCH_PORT } from './definition.ts';

type ChoiceOption = ChoiceConfig['choices'][number];

/**
 * One compound state: `prompt` offers the choices, `waiting` holds the turn, `reprompt` and `no-input`
 * offer them again after a failed answer. Typed words are tried before numbers on every option, so a
 * synonym such as "2" wins over the second option's position.
 */
export function compileChoice(config: ChoiceConfig, ctx: CompileContext): StateConfig {
  const nodeId = ctx.nodeId;
  const offered = config.choices.map(({ value, label }) => ({ value, label }));
  const offer = (text: LocalisedText) => [{ type: 'choice.offer', params: { text, choices: offered } }];
  const noMatch = ctx.port(NO_MATCH_PORT);

  const pick = (option: ChoiceOption, guard: TransitionConfig['guard']): TransitionConfig => ({
    guard,
    target: ctx.requiredPort(option.value),
    ...(config.variable
      ? { actions: [{ type: 'choice.store', params: { variable: config.variable, value: option.value } }] }
      : {}),
  });
  const failed = (then: 'reprompt' | 'no-input'): TransitionConfig[] => [
    ...(noMatch
      ? [
          {
            guard: { type: 'parley.outOfAttempts', params: { nodeId, maxAttempts: config.maxAttempts } },
            target: noMatch,
          },
        ]
      : []),
    { target: then, actions: [{ type: 'parley.countAttempt', params: { nodeId } }] },
  ];
  const options = config.choices.map((option, index) => ({ option, position: index + 1 }));

  return {
    initial: 'prompt',
    exit: [{ type: 'parley.resetAttempts', params: { nodeId } }],
    states: {
      prompt: { entry: offer(config.prompt), always: [{ target: 'waiting' }] },
      waiting: {
        tags: [WAITING_TAG],
        on: {
          'user.choice': [
            ...options.map(({ option }) =>
              pick(option, { type: 'choice.clicked', params: { value: option.value } }),
            ),
            ...failed('reprompt'),
          ],
          'user.message': [
            ...options.map(({ option }) =>
              pick(option, {
                type: 'choice.saidOption',
                params: { label: option.label, synonyms: option.synonyms },
              }),
            ),
            ...options.map(({ option, position }) =>
              pick(option, { type: 'choice.saidNumber', params: { position } }),
            ),
            ...failed('reprompt'),
          ],
          'user.dtmf': [
            ...options.map(({ option, position }) =>
              pick(option, { type: 'choice.pressed', params: { position } }),
            ),
            ...failed('reprompt'),
          ],
          'timer.no-input': failed('no-input'),
        },
      },
      reprompt: { entry: offer(config.reprompt), always: [{ target: 'waiting' }] },
      'no-input': { entry: offer(config.noInputPrompt ?? config.prompt), always: [{ target: 'waiting' }] },
    },
  };
}
