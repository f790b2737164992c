import { describe, expect, it } from 'vitest';
import { askConfigSchema, askNode } from './definition.ts';

const issuePaths = (input: unknown) => {
  const result = askConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('ask definition', () => {
  it('parses its defaults as a free-text question', () => {
    const config = askConfigSchema.parse(askNode.defaults);
    expect(config).toMatchObject({ inputType: 'text', variable: 'answer', maxAttempts: 3 });
    expect(config.reprompt).toBe("Sorry, I didn't get that. Please try again.");
    expect(askNode.ports(config).map((p) => [p.name, p.required])).toEqual([
      ['next', true],
      ['invalid', false],
    ]);
    expect(askNode.writes(config)).toEqual(['answer']);
  });

  it.each([
    ['an unknown input type', { inputType: 'colour' }, 'inputType'],
    ['a regex answer without a pattern', { inputType: 'regex' }, 'pattern'],
    ['a pattern that is not a regular expression', { inputType: 'regex', pattern: '([a-z' }, 'pattern'],
    ['a lower-case country', { inputType: 'phone', defaultCountry: 'us' }, 'defaultCountry'],
    ['a three-letter country', { inputType: 'phone', defaultCountry: 'USA' }, 'defaultCountry'],
    ['too many attempts', { maxAttempts: 11 }, 'maxAttempts'],
    ['a variable with a dash', { variable: 'my-answer' }, 'variable'],
    ['no variable', { variable: undefined }, 'variable'],
  ])('refuses %s, naming the field', (_name, change, path) => {
    expect(issuePaths({ ...askNode.defaults, ...change })).toContain(path);
  });

  it('says why a regex answer needs a pattern', () => {
    const result = askConfigSchema.safeParse({ ...askNode.defaults, inputType: 'regex' });
    expect(result.error?.issues[0]?.message).toBe('a regex answer needs a pattern');
  });

  it('lists every template with where it sits', () => {
    const config = askConfigSchema.parse({
      ...askNode.defaults,
      prompt: { en: 'Email, {{name}}?', zh: '{{name}}，邮箱？' },
      noInputPrompt: 'Still there?',
    });
    expect(askNode.expressions(config).map((e) => [e.path, e.source])).toEqual([
      ['prompt', 'Email, {{name}}?'],
      ['prompt', '{{name}}，邮箱？'],
      ['reprompt', "Sorry, I didn't get that. Please try again."],
      ['noInputPrompt', 'Still there?'],
    ]);
  });
});
