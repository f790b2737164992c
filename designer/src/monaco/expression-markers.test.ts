import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from '../../../nodes/src/machine/flow-context.ts';
import { type CodeMarker, expressionMarkers } from './expression-markers.ts';
import { EXPRESSION_BUILTINS, placeholdersIn, scopeNames } from './expression-scope.ts';

const known = ['count', 'name', ...EXPRESSION_BUILTINS];

/** Each marker as the text it underlines and its message, easier to read than offsets. */
function underlined(text: string, markers: CodeMarker[]) {
  return markers.map((m) => ({ text: text.slice(m.start, m.end), code: m.code, message: m.message }));
}

function check(text: string, language: 'expression' | 'template' | 'json-template', names = known) {
  return underlined(text, expressionMarkers(text, language, names));
}

describe('expression markers', () => {
  it('has none for a valid expression reading declared variables and built-ins', () => {
    expect(check('count + 1 > 2 && name == "Ada"', 'expression')).toEqual([]);
    expect(check('[channel, locale].filter(t, size(t) > 0)', 'expression')).toEqual([]);
    expect(check('size(name.split(" ")) > 1', 'expression')).toEqual([]);
  });

  it('has none for an empty expression: the form already says it is required', () => {
    expect(check('', 'expression')).toEqual([]);
    expect(check('   ', 'expression')).toEqual([]);
  });

  it('underlines every read of an unknown name, with the checker message', () => {
    expect(check('cuont + 1 > cuont', 'expression')).toEqual([
      {
        text: 'cuont',
        code: 'undeclared',
        message: 'Unknown variable: cuont. Declare "cuont" in the flow\'s variables, or fix the name.',
      },
      expect.objectContaining({ text: 'cuont', code: 'undeclared' }),
    ]);
    const text = 'cuont + 1 > cuont';
    expect(expressionMarkers(text, 'expression', known).map((m) => m.start)).toEqual([0, 12]);
  });

  it('reports every unknown name, not only the first, and not fields or strings', () => {
    expect(check('orderId > 0 && status == "orderId" && name.status', 'expression')).toEqual([
      expect.objectContaining({ text: 'orderId', code: 'undeclared' }),
      expect.objectContaining({ text: 'status', code: 'undeclared' }),
    ]);
  });

  it('accepts names readable in this field only', () => {
    expect(check('response.body.total', 'expression')).toEqual([
      expect.objectContaining({ text: 'response', code: 'undeclared' }),
    ]);
    expect(check('response.body.total', 'expression', [...known, 'response'])).toEqual([]);
  });

  it('underlines a syntax error where the checker stops', () => {
    expect(check('count +* 2', 'expression')).toEqual([
      { text: '*', code: 'invalid', message: 'Not a valid expression: Unexpected token: MULTIPLY.' },
    ]);
    expect(check('count + 1 2', 'expression')).toEqual([
      expect.objectContaining({
        text: '2',
        code: 'invalid',
        message: expect.stringContaining("Unexpected character: '2'"),
      }),
    ]);
    expect(check('name == "Ada', 'expression')).toEqual([
      expect.objectContaining({ text: '"Ada', message: 'Not a valid expression: Unterminated string.' }),
    ]);
    expect(check('count &&& name', 'expression')).toEqual([
      expect.objectContaining({ text: '&&&', message: 'Not a valid expression: Unexpected character: &.' }),
    ]);
  });

  it('underlines the last character when the expression ends too early', () => {
    expect(check('count + ', 'expression')).toEqual([
      expect.objectContaining({ text: '+', message: 'Not a valid expression: Unexpected token: EOF.' }),
    ]);
    expect(check('(count + 1', 'expression')).toEqual([
      expect.objectContaining({ text: '1', message: expect.stringContaining('Expected RPAREN, got EOF') }),
    ]);
  });

  it('reports type errors over the whole expression', () => {
    expect(check(' "x" - 1', 'expression')).toEqual([
      expect.objectContaining({
        text: '"x" - 1',
        code: 'invalid',
        message: expect.stringContaining('no such overload'),
      }),
    ]);
  });

  it('reports unknown names and a syntax error together', () => {
    expect(check('nmae +', 'expression').map((m) => [m.text, m.code])).toEqual([['+', 'invalid']]);
    expect(check('nmae + (', 'expression').map((m) => m.code)).toEqual(['invalid']);
  });

  it('clears the markers once the expression is fixed', () => {
    expect(check('nmae', 'expression')).toHaveLength(1);
    expect(check('name', 'expression')).toEqual([]);
  });
});

describe('template markers', () => {
  it('has none for plain text and valid placeholders', () => {
    expect(check('Hello!', 'template')).toEqual([]);
    expect(check('Hi {{ name }}, you have {{count + 1}} items on {{ channel }}', 'template')).toEqual([]);
    expect(check('Unclosed {{ name is plain text', 'template')).toEqual([]);
  });

  it('checks each placeholder at its place in the text', () => {
    const text = 'Hi {{ nmae }}, {{ count + }} and {{ name }}';
    expect(check(text, 'template')).toEqual([
      expect.objectContaining({ text: 'nmae', code: 'undeclared' }),
      expect.objectContaining({ text: '+', code: 'invalid' }),
    ]);
    expect(expressionMarkers(text, 'template', known)[0]).toMatchObject({ start: 6, end: 10 });
  });

  it('underlines an empty placeholder whole', () => {
    expect(check('Hi {{  }}!', 'template')).toEqual([
      { text: '{{  }}', code: 'empty', message: expect.stringContaining('Empty placeholder') },
    ]);
  });

  it('checks placeholders of a JSON template, in and out of strings', () => {
    const text = '{\n  "id": {{ orderId }},\n  "name": "{{ name }}",\n  "to": "{{ emial }}"\n}';
    expect(check(text, 'json-template', [...known, 'orderId'])).toEqual([
      expect.objectContaining({ text: 'emial', code: 'undeclared' }),
    ]);
  });

  it('finds placeholders as the runtime does', () => {
    expect(placeholdersIn('a {{ x }} b {{y}}')).toEqual([
      { start: 2, end: 9, source: 'x', sourceStart: 5 },
      { start: 12, end: 17, source: 'y', sourceStart: 14 },
    ]);
  });
});

describe('names in scope', () => {
  it('are the built-ins the validator knows', () => {
    expect([...EXPRESSION_BUILTINS]).toEqual([...BUILTIN_NAMES]);
  });

  it('lists variables, names local to the field and built-ins once each', () => {
    expect(scopeNames(['count', 'locale'], ['response'])).toEqual([
      { name: 'count', kind: 'variable' },
      { name: 'locale', kind: 'builtin' },
      { name: 'response', kind: 'local' },
      { name: 'channel', kind: 'builtin' },
    ]);
  });
});
