import type { FlowDocumentInput } from '@parley/shared';
import type { z } from 'zod';
import type { choiceConfigSchema } from './definition.ts';

type ChoiceInput = z.input<typeof choiceConfigSchema>;

export type MenuOptions = {
  /** Overrides of the `menu` node's config. */
  menu?: Partial<ChoiceInput>;
  /** Leave `no-match` unconnected. */
  withoutNoMatch?: boolean;
};

/** Said by the node each port leads to, so a test can tell which port was taken. */
export const OUTCOME = {
  billing: 'Billing it is.',
  support: 'Support it is.',
  agent: 'Connecting you to Sam.',
  noMatch: 'Let me find someone who can help.',
} as const;

const say = (id: string, text: string, status = 'resolved') => ({
  id,
  type: 'end',
  data: { status, message: text },
});

/**
 * start -> menu (choice: billing | support | agent) -> one end node per port, in English and Chinese.
 * The prompt and one label are templates, so localisation and interpolation show in every message.
 */
export function menuFlow({ menu = {}, withoutNoMatch = false }: MenuOptions = {}): FlowDocumentInput {
  return {
    id: 'menu-flow',
    name: 'Menu',
    languages: ['en', 'zh'],
    variables: [
      { name: 'name', initial: 'Ada' },
      { name: 'agent', initial: 'Sam' },
      { name: 'topic', initial: null },
    ],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'menu',
        type: 'choice',
        data: {
          prompt: { en: 'How can we help, {{name}}?', zh: '{{name}}，需要什么帮助？' },
          reprompt: { en: 'Please pick billing, support or a person.', zh: '请选择一个选项。' },
          choices: [
            { value: 'billing', label: { en: 'Billing', zh: '账单' }, synonyms: ['invoice', '发票'] },
            { value: 'support', label: { en: 'Technical support', zh: '技术支持' }, synonyms: ['help'] },
            { value: 'agent', label: { en: 'Talk to {{agent}}', zh: '联系{{agent}}' } },
          ],
          variable: 'topic',
          maxAttempts: 2,
          ...menu,
        },
      },
      say('billing-end', OUTCOME.billing),
      say('support-end', OUTCOME.support),
      say('agent-end', OUTCOME.agent, 'escalated'),
      say('no-match-end', OUTCOME.noMatch, 'unresolved'),
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'next', target: 'menu' },
      { id: 'e1', source: 'menu', sourcePort: 'billing', target: 'billing-end' },
      { id: 'e2', source: 'menu', sourcePort: 'support', target: 'support-end' },
      { id: 'e3', source: 'menu', sourcePort: 'agent', target: 'agent-end' },
      ...(withoutNoMatch
        ? []
        : [{ id: 'e4', source: 'menu', sourcePort: 'no-match', target: 'no-match-end' }]),
    ],
  };
}

/** Two options, one of which comes back to the same menu: for attempts that must reset on leaving. */
export function loopingMenuFlow(): FlowDocumentInput {
  return {
    id: 'looping-menu',
    name: 'Looping menu',
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'menu',
        type: 'choice',
        data: {
          prompt: 'Again or done?',
          choices: [
            { value: 'again', label: 'Again' },
            { value: 'done', label: 'Done' },
          ],
          maxAttempts: 2,
        },
      },
      { id: 'once-more', type: 'message', data: { messages: [{ type: 'text', text: 'Once more.' }] } },
      say('done-end', 'Done.'),
      say('no-match-end', OUTCOME.noMatch, 'unresolved'),
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'next', target: 'menu' },
      { id: 'e1', source: 'menu', sourcePort: 'again', target: 'once-more' },
      { id: 'e2', source: 'once-more', sourcePort: 'next', target: 'menu' },
      { id: 'e3', source: 'menu', sourcePort: 'done', target: 'done-end' },
      { id: 'e4', source: 'menu', sourcePort: 'no-match', target: 'no-match-end' },
    ],
  };
}
