import { describe, expect, it } from 'vitest';
import { choiceConfigSchema, choiceNode } from './definition.ts';

const issuePaths = (input: unknown) => {
  const result = choiceConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('choice definition', () => {
  it('parses its defaults and fills in reprompt and attempts', () => {
    const config = choiceConfigSchema.parse(choiceNode.defaults);
    expect(config.reprompt).toBe('Please pick one of the options.');
    expect(config.maxAttempts).toBe(3);
    expect(config.noInputPrompt).toBeUndefined();
    expect(choiceNode.ports(config).map((p) => [p.name, p.required])).toEqual([
      ['yes', true],
      ['no', true],
      ['no-match', false],
    ]);
  });

  it.each([
    ['no choices', { ...choiceNode.defaults, choices: [] }, 'choices'],
    [
      'two choices with one value',
      {
        ...choiceNode.defaults,
        choices: [
          { value: 'a', label: 'A' },
          { value: 'a', label: 'B' },
        ],
      },
      'choices',
    ],
    [
      'a choice named like the no-match port',
      { ...choiceNode.defaults, choices: [{ value: 'no-match', label: 'X' }] },
      'choices.0.value',
    ],
    [
      'a value with spaces',
      { ...choiceNode.defaults, choices: [{ value: 'a b', label: 'X' }] },
      'choices.0.value',
    ],
    ['zero attempts', { ...choiceNode.defaults, maxAttempts: 0 }, 'maxAttempts'],
    ['a variable starting with a digit', { ...choiceNode.defaults, variable: '1st' }, 'variable'],
    ['no prompt', { choices: choiceNode.defaults.choices }, 'prompt'],
    [
      'an empty synonym',
      { ...choiceNode.defaults, choices: [{ value: 'a', label: 'A', synonyms: [''] }] },
      'choices.0.synonyms.0',
    ],
  ])('refuses %s, naming the field', (_name, input, path) => {
    expect(issuePaths(input)).toContain(path);
  });

  it('lists every template with where it sits, and the variable it writes', () => {
    const config = choiceConfigSchema.parse({
      prompt: { en: 'Hi {{name}}', zh: '你好 {{name}}' },
      noInputPrompt: 'Still there?',
      choices: [{ value: 'a', label: 'Talk to {{agent}}' }],
      variable: 'topic',
    });
    expect(choiceNode.expressions(config).map((e) => [e.path, e.source])).toEqual([
      ['prompt', 'Hi {{name}}'],
      ['prompt', '你好 {{name}}'],
      ['reprompt', 'Please pick one of the options.'],
      ['noInputPrompt', 'Still there?'],
      ['choices.0.label', 'Talk to {{agent}}'],
    ]);
    expect(choiceNode.writes(config)).toEqual(['topic']);
  });
});
