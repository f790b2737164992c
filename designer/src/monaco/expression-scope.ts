/*
 * What the inspector's code editors know about the expression language, without Monaco: the names an
 * expression may read and where the expressions of a template are. Kept free of Monaco imports so the
 * inspector can use it without loading the editor, and so it is tested in plain Node.
 */

/** The code widgets edited in Monaco. */
export type CodeLanguage = 'expression' | 'template' | 'json-template';

/**
 * Names every expression may read besides the flow's variables: the same as `BUILTIN_NAMES` in
 * `@parley/nodes` (machine/flow-context.ts), which the validator checks against; a test keeps the two equal.
 */
export const EXPRESSION_BUILTINS = ['channel', 'locale'] as const;

export type ScopeName = {
  name: string;
  /** `variable`: declared in the flow; `builtin`: always readable; `local`: readable in this field only. */
  kind: 'variable' | 'builtin' | 'local';
};

/** The names a field's expressions may read, each once: built-ins win over a variable of the same name. */
export function scopeNames(variables: readonly string[], extraNames: readonly string[] = []): ScopeName[] {
  const found = new Map<string, ScopeName>();
  for (const name of variables) found.set(name, { name, kind: 'variable' });
  for (const name of extraNames) found.set(name, { name, kind: 'local' });
  for (const name of EXPRESSION_BUILTINS) found.set(name, { name, kind: 'builtin' });
  return [...found.values()];
}

/** One `{{ ... }}` of a template; offsets count UTF-16 code units from the template's start. */
export type Placeholder = {
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset just past the closing `}}`. */
  end: number;
  /** The expression, trimmed as `templateExpressions` in `@parley/shared` trims it. */
  source: string;
  /** Offset of the expression's first character (its end when it is empty). */
  sourceStart: number;
};

/** The same pattern `interpolate` in `@parley/shared` uses, so the editor sees the placeholders it runs. */
const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

export function placeholdersIn(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => {
    const inner = match[1] ?? '';
    const leading = inner.length - inner.trimStart().length;
    return {
      start: match.index,
      end: match.index + match[0].length,
      source: inner.trim(),
      sourceStart: match.index + 2 + leading,
    };
  });
}

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;

export type Token = { kind: 'identifier' | 'member' | 'string' | 'other'; start: number; end: number };

/**
 * A rough lexer, enough to tell names from strings and member accesses (`a.b`: `b` is a member).
 * `unterminated` is the offset of a string left open at the end, if any.
 */
export function lexExpression(source: string): { tokens: Token[]; unterminated: number | null } {
  const tokens: Token[] = [];
  let i = 0;
  let afterDot = false;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const start = i;
    if (char === '"' || char === "'") {
      const triple = source.startsWith(char.repeat(3), i);
      const quote = triple ? char.repeat(3) : char;
      i += quote.length;
      let closed = false;
      while (i < source.length) {
        if (source[i] === '\\') {
          i += 2;
          continue;
        }
        if (source.startsWith(quote, i)) {
          i += quote.length;
          closed = true;
          break;
        }
        if (!triple && source[i] === '\n') break;
        i += 1;
      }
      if (!closed)
        return { tokens: [...tokens, { kind: 'string', start, end: source.length }], unterminated: start };
      tokens.push({ kind: 'string', start, end: i });
      afterDot = false;
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      while (i < source.length && IDENTIFIER_PART.test(source[i] ?? '')) i += 1;
      // A string prefix such as r"..." or b'...': the letter belongs to the string.
      if (i - start <= 2 && /^[rRbB]{1,2}$/.test(source.slice(start, i)) && /["']/.test(source[i] ?? ''))
        continue;
      tokens.push({ kind: afterDot ? 'member' : 'identifier', start, end: i });
      afterDot = false;
      continue;
    }
    if (/[0-9]/.test(char)) {
      while (i < source.length && /[0-9A-Za-z_.]/.test(source[i] ?? '')) i += 1;
      tokens.push({ kind: 'other', start, end: i });
      afterDot = false;
      continue;
    }
    i += 1;
    tokens.push({ kind: 'other', start, end: i });
    afterDot = char === '.';
  }
  return { tokens, unterminated: null };
}
