import { type CodeLanguage, lexExpression, type ScopeName } from './expression-scope.ts';

export type Completion = {
  /** The word being typed, replaced by the chosen name: offsets into the editor's text. */
  from: number;
  to: number;
  names: ScopeName[];
};

/** The start of the expression the cursor is in, or null when it is in plain template text. */
function expressionStart(text: string, offset: number, language: CodeLanguage): number | null {
  if (language === 'expression') return 0;
  const open = text.lastIndexOf('{{', offset - 2);
  if (open === -1) return null;
  const close = text.indexOf('}}', open + 2);
  // Inside `{{ ... }}` only: not past its closing braces, and not between the two braces of `}}`.
  if (close !== -1 && offset > close) return null;
  return open + 2;
}

/**
 * What to suggest at `offset`: the names in scope where a name can be written (in an expression, or
 * inside a template's `{{ }}`), not inside a string and not after a `.` (a field, not a variable).
 */
export function completionAt(
  text: string,
  offset: number,
  language: CodeLanguage,
  names: readonly ScopeName[],
): Completion | null {
  const start = expressionStart(text, offset, language);
  if (start === null) return null;
  let from = offset;
  while (from > start && /[A-Za-z0-9_]/.test(text[from - 1] ?? '')) from -= 1;
  if (/[0-9]/.test(text[from] ?? '') && from < offset) return null;
  const before = text.slice(start, from);
  const lexed = lexExpression(before);
  if (lexed.unterminated !== null) return null;
  if (/\.\s*$/.test(before)) return null;
  return { from, to: offset, names: [...names].sort((a, b) => a.name.localeCompare(b.name)) };
}
