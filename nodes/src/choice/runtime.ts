import { interpolate, type LocalisedText, textVariants } from '@parley/shared';
import { renderText } from '../machine/common-runtime.ts';
import { scopeOf } from '../machine/flow-context.ts';
import {
  contextAction,
  defineRuntime,
  type FlowGuard,
  sayAction,
} from '../machine/implementation-helpers.ts';
import { answerMatches, normaliseAnswer } from './normalise-answer.ts';

type Offered = { value: string; label: LocalisedText };

const clicked: FlowGuard<{ value: string }> = ({ event }, { value }) =>
  event.type === 'user.choice' && event.value === value;

/** The label in every language (a user may answer in another one) and the synonyms. */
const saidOption: FlowGuard<{ label: LocalisedText; synonyms: string[] }> = (
  { context, event },
  { label, synonyms },
) => {
  if (event.type !== 'user.message') return false;
  const labels = textVariants(label).map((variant) => interpolate(variant, scopeOf(context)));
  return answerMatches(event.text, [...labels, ...synonyms]);
};

const saidNumber: FlowGuard<{ position: number }> = ({ event }, { position }) =>
  event.type === 'user.message' && normaliseAnswer(event.text) === String(position);

const pressed: FlowGuard<{ position: number }> = ({ event }, { position }) =>
  event.type === 'user.dtmf' && event.digits === String(position);

export const choiceRuntime = defineRuntime(() => ({
  actions: {
    'choice.offer': sayAction<{ text: LocalisedText; choices: Offered[] }>(
      ({ context }, { text, choices }) => [
        {
          type: 'choices',
          text: renderText(text, context),
          choices: choices.map(({ value, label }) => ({ value, label: renderText(label, context) })),
        },
      ],
    ),
    'choice.store': contextAction<{ variable: string; value: string }>(
      ({ context }, { variable, value }) => ({
        vars: { ...context.vars, [variable]: value },
      }),
    ),
  },
  guards: {
    'choice.clicked': clicked,
    'choice.saidOption': saidOption,
    'choice.saidNumber': saidNumber,
    'choice.pressed': pressed,
  },
}));
