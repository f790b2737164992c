import type { FlowDocumentInput } from '@parley/shared';
import type { z } from 'zod';
import type { askConfigSchema } from './definition.ts';

type AskInput = z.input<typeof askConfigSchema>;

export type QuestionOptions = {
  /** Overrides of the `question` node's config. */
  question?: Partial<AskInput>;
  /** Leave `invalid` unconnected. */
  withoutInvalid?: boolean;
};

export const GAVE_UP = 'Let me get a person to help you.';

/**
 * start -> question (ask, stores `answer`) -> an end node that repeats the answer; `invalid` leads to an
 * escalation. English and Chinese texts, with a template in the prompt.
 */
export function questionFlow({
  question = {},
  withoutInvalid = false,
}: QuestionOptions = {}): FlowDocumentInput {
  return {
    id: 'question-flow',
    name: 'Question',
    languages: ['en', 'zh'],
    variables: [
      { name: 'name', initial: 'Ada' },
      { name: 'answer', initial: null },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'question',
        type: 'ask',
        data: {
          prompt: { en: 'What is your answer, {{name}}?', zh: '{{name}}，你的回答是？' },
          reprompt: { en: 'Sorry, that does not look right. Try again?', zh: '抱歉，格式不对，请再试一次。' },
          variable: 'answer',
          maxAttempts: 2,
          ...question,
        },
      },
      { id: 'thanks', type: 'end', data: { status: 'resolved', message: 'Got {{answer}}.' } },
      { id: 'gave-up', type: 'end', data: { status: 'escalated', message: GAVE_UP } },
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'next', target: 'question' },
      { id: 'e1', source: 'question', sourcePort: 'next', target: 'thanks' },
      ...(withoutInvalid ? [] : [{ id: 'e2', source: 'question', sourcePort: 'invalid', target: 'gave-up' }]),
    ],
  };
}

/** A question asked again after each valid answer: for attempts that must reset on leaving. */
export function repeatedQuestionFlow(): FlowDocumentInput {
  return {
    id: 'repeated-question',
    name: 'Repeated question',
    variables: [{ name: 'count', initial: null }],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'question',
        type: 'ask',
        data: { prompt: 'How many?', variable: 'count', inputType: 'number', maxAttempts: 2 },
      },
      { id: 'noted', type: 'message', data: { messages: [{ type: 'text', text: 'Noted {{count}}.' }] } },
      { id: 'gave-up', type: 'end', data: { status: 'escalated', message: GAVE_UP } },
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'next', target: 'question' },
      { id: 'e1', source: 'question', sourcePort: 'next', target: 'noted' },
      { id: 'e2', source: 'noted', sourcePort: 'next', target: 'question' },
      { id: 'e3', source: 'question', sourcePort: 'invalid', target: 'gave-up' },
    ],
  };
}
