import type { LocalisedText } from '@parley/shared';
import { renderText } from '../machine/common-runtime.ts';
import type { FlowContext, FlowEvent } from '../machine/flow-context.ts';
import {
  contextAction,
  defineRuntime,
  type FlowGuard,
  sayAction,
} from '../machine/implementation-helpers.ts';
import { type AnswerRule, type ParsedAnswer, parseAnswer } from './parse-answer.ts';

/** What the end user answered, whichever way they answered. */
function answerOf(event: FlowEvent): string | undefined {
  switch (event.type) {
    case 'user.message':
      return event.text;
    case 'user.choice':
      return event.value;
    case 'user.dtmf':
      // `#` conventionally ends keypad entry.
      return event.digits.replace(/#$/, '');
    default:
      return undefined;
  }
}

function parsedAnswer(context: FlowContext, event: FlowEvent, rule: AnswerRule): ParsedAnswer {
  const answer = answerOf(event);
  return answer === undefined ? undefined : parseAnswer(answer, rule, { locale: context.locale });
}

const valid: FlowGuard<AnswerRule> = ({ context, event }, rule) =>
  parsedAnswer(context, event, rule) !== undefined;

export const askRuntime = defineRuntime(() => ({
  actions: {
    'ask.say': sayAction<{ text: LocalisedText }>(({ context }, { text }) => [
      { type: 'text', text: renderText(text, context) },
    ]),
    'ask.store': contextAction<AnswerRule & { variable: string }>(({ context, event }, params) => {
      const value = parsedAnswer(context, event, params);
      // The guard accepted this answer just before; nothing to store means nothing changed.
      return value === undefined ? {} : { vars: { ...context.vars, [params.variable]: value } };
    }),
  },
  guards: { 'ask.valid': valid },
}));
