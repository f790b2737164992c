import { describe, expect, it } from 'vitest';
import { completionAt } from './expression-completion.ts';
import { type CodeLanguage, scopeNames } from './expression-scope.ts';

const names = scopeNames(['orderId', 'name'], ['response']);

/** Completion with the cursor at `|`: the word it replaces and the names offered. */
function at(marked: string, language: CodeLanguage) {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const found = completionAt(text, offset, language, names);
  return (
    found && { word: text.slice(found.from, found.to), names: found.names.map((n) => `${n.name}:${n.kind}`) }
  );
}

describe('variable completion', () => {
  it('offers variables, field-local names and built-ins anywhere a name fits in an expression', () => {
    expect(at('|', 'expression')).toEqual({
      word: '',
      names: ['channel:builtin', 'locale:builtin', 'name:variable', 'orderId:variable', 'response:local'],
    });
    expect(at('orderId > 0 && na|', 'expression')?.word).toBe('na');
    expect(at('size(|)', 'expression')?.word).toBe('');
    expect(at('ord|er', 'expression')?.word).toBe('ord');
  });

  it('offers nothing inside a string, after a dot or in a number', () => {
    expect(at('name == "Ad|', 'expression')).toBeNull();
    expect(at("name == 'x' + 'y|", 'expression')).toBeNull();
    expect(at('response.bo|', 'expression')).toBeNull();
    expect(at('response.body.|', 'expression')).toBeNull();
    expect(at('12|', 'expression')).toBeNull();
  });

  it('still offers names after a closed string', () => {
    expect(at('name == "Ada" && or|', 'expression')?.word).toBe('or');
  });

  it('offers names in a template only inside {{ }}', () => {
    expect(at('Hello na|', 'template')).toBeNull();
    expect(at('Hello {{ na|', 'template')?.word).toBe('na');
    expect(at('Hello {{|}}', 'template')?.word).toBe('');
    expect(at('Hello {{ name |}}', 'template')?.word).toBe('');
    expect(at('Hello {{ name }}|', 'template')).toBeNull();
    expect(at('Hello {{ name }} and na|', 'template')).toBeNull();
    expect(at('Hello {{ name }} and {{ or| }}', 'template')?.word).toBe('or');
    expect(at('Hello {|', 'template')).toBeNull();
    expect(at('{{ "na|" }}', 'template')).toBeNull();
  });

  it('offers names in JSON templates inside {{ }}, including within JSON strings', () => {
    expect(at('{ "id": {{ ord| }} }', 'json-template')?.word).toBe('ord');
    expect(at('{ "to": "{{ na| }}" }', 'json-template')?.word).toBe('na');
    expect(at('{ "na|": 1 }', 'json-template')).toBeNull();
  });
});
