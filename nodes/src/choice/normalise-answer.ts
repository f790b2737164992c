/** Combining accents of Latin, Greek and Cyrillic letters; other scripts' marks (kana voicing) carry meaning. */
const ACCENTS = /[\u0300-\u036f]/g;
const PUNCTUATION_SYMBOLS_AND_SPACE = /[\p{P}\p{S}\p{Z}\s]/gu;

/**
 * Folds a typed answer into a form that compares equal to what the author wrote however it was typed:
 * full-width forms folded (NFKC), case, accents, punctuation, symbols and spacing ignored.
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .replace(PUNCTUATION_SYMBOLS_AND_SPACE, '')
    .normalize('NFC');
}

/** True when `typed` says one of `words`; an answer that is only punctuation or spaces says nothing. */
export function answerMatches(typed: string, words: readonly string[]): boolean {
  const answer = normaliseAnswer(typed);
  return answer !== '' && words.some((word) => normaliseAnswer(word) === answer);
}
