import { checkExpression, type ExpressionProblem } from '@parley/shared';
import i18next from 'i18next';
import { type CodeLanguage, lexExpression, placeholdersIn } from './expression-scope.ts';

/** A problem to underline, by offsets into the editor's text; turned into a Monaco marker by the editor. */
export type CodeMarker = {
  start: number;
  end: number;
  message: string;
  /** `undeclared`: reads a name that is not in scope; `invalid`: syntax or types; `empty`: `{{ }}`. */
  code: 'undeclared' | 'invalid' | 'empty';
};

/** Mirrors the validator (nodes/src/validate/node-expressions.ts): more unknown names are not worth listing. */
const MAX_UNDECLARED = 20;
/** Locating a syntax error re-checks prefixes of the expression; longer ones are underlined whole. */
const MAX_LOCATED_LENGTH = 2_000;

/** An offset range inside one expression. */
type Span = { start: number; end: number };

function whole(source: string): Span {
  return { start: 0, end: Math.max(source.length, 1) };
}

/** Every place `name` is read as a name: not inside a string, not as the field of a member access. */
function readsOf(source: string, name: string): Span[] {
  return lexExpression(source).tokens.filter(
    (token) => token.kind === 'identifier' && source.slice(token.start, token.end) === name,
  );
}

const WORD = /[A-Za-z0-9_]/;
const PUNCTUATION = /[^\sA-Za-z0-9_"'()[\]{},]/;

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||'];

/**
 * The token ending at `at` (the last character the checker read): a word, a string, a two-character
 * operator or the character. A character the lexer refused may be anywhere in its run of operator
 * characters (`&&&`), so the whole run is underlined then.
 */
function tokenEndingAt(source: string, at: number, refusedCharacter: boolean): Span {
  const char = source[at] ?? '';
  const string = lexExpression(source).tokens.find(
    (token) => token.kind === 'string' && token.start <= at && at < token.end,
  );
  if (string) return string;
  let start = at;
  let end = at + 1;
  if (WORD.test(char)) {
    while (start > 0 && WORD.test(source[start - 1] ?? '')) start -= 1;
  } else if (refusedCharacter && PUNCTUATION.test(char)) {
    while (start > 0 && PUNCTUATION.test(source[start - 1] ?? '')) start -= 1;
    while (end < source.length && PUNCTUATION.test(source[end] ?? '')) end += 1;
  } else if (OPERATORS.includes(source.slice(at - 1, at + 1))) {
    start -= 1;
  }
  return { start, end };
}

/**
 * Where a syntax error is. `checkExpression` keeps only the first line of the checker's message, so the
 * position is found again: at the end when the checker ran out of input, else at the shortest prefix
 * that already fails with the same message (the checker reads left to right).
 */
function locate(source: string, problem: ExpressionProblem, names: ReadonlySet<string>): Span {
  if (problem.kind !== 'parse' || source.length > MAX_LOCATED_LENGTH) return whole(source);
  if (/\bEOF\b/.test(problem.message)) {
    const end = source.trimEnd().length;
    return { start: Math.max(end - 1, 0), end: Math.max(end, 1) };
  }
  const unterminated = lexExpression(source).unterminated;
  if (/unterminated/i.test(problem.message) && unterminated !== null) {
    return { start: unterminated, end: source.length };
  }
  for (let length = 1; length <= source.length; length += 1) {
    const prefix = checkExpression(source.slice(0, length), names);
    if (prefix?.message === problem.message) {
      return tokenEndingAt(source, length - 1, problem.message.startsWith('Unexpected character'));
    }
  }
  return whole(source);
}

/** Unknown names first (all of them, as the validator reports them), then what else is wrong. */
function checkOne(source: string, known: readonly string[]) {
  const names = new Set(known);
  const undeclared: ExpressionProblem[] = [];
  let problem = checkExpression(source, names);
  while (problem?.kind === 'undeclared' && problem.name && !names.has(problem.name)) {
    if (undeclared.length >= MAX_UNDECLARED) break;
    undeclared.push(problem);
    names.add(problem.name);
    problem = checkExpression(source, names);
  }
  if (problem === null || problem.kind === 'undeclared') return { undeclared, problem: null };
  return { undeclared, problem: { ...locate(source, problem, names), message: problem.message } };
}

function markersOf(source: string, offset: number, known: readonly string[]): CodeMarker[] {
  const { undeclared, problem } = checkOne(source, known);
  const markers: CodeMarker[] = [];
  for (const { name = '', message: reason } of undeclared) {
    const message = i18next.t('codeEditor.undeclared', { name, message: reason.replace(/\.$/, '') });
    const spans = readsOf(source, name);
    for (const span of spans.length > 0 ? spans : [whole(source)]) {
      markers.push({ start: offset + span.start, end: offset + span.end, message, code: 'undeclared' });
    }
  }
  if (problem) {
    markers.push({
      start: offset + problem.start,
      end: offset + Math.min(problem.end, source.length),
      message: i18next.t('codeEditor.invalid', { message: problem.message.replace(/\.$/, '') }),
      code: 'invalid',
    });
  }
  return markers;
}

/**
 * The problems of a code field, checked by the same checker the validator uses (`checkExpression` from
 * `@parley/shared`) against the names the field may read: the whole text for an expression, each
 * `{{ ... }}` for a template. An empty expression gets none: the form already says it is required.
 */
export function expressionMarkers(
  text: string,
  language: CodeLanguage,
  known: readonly string[],
): CodeMarker[] {
  if (language === 'expression') {
    if (text.trim() === '') return [];
    const leading = text.length - text.trimStart().length;
    return markersOf(text.trim(), leading, known);
  }
  return placeholdersIn(text).flatMap((placeholder) => {
    if (placeholder.source === '') {
      return [
        {
          start: placeholder.start,
          end: placeholder.end,
          message: i18next.t('codeEditor.empty'),
          code: 'empty' as const,
        },
      ];
    }
    return markersOf(placeholder.source, placeholder.sourceStart, known);
  });
}
