/** A list of texts per language code, e.g. an intent's training phrases. */
export type TextLists = Record<string, string[]>;

/** The value as lists per language; anything else (not yet set, mistyped) reads as none. */
export function asTextLists(value: unknown): TextLists {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const lists: TextLists = {};
  for (const [code, list] of Object.entries(value)) {
    if (Array.isArray(list)) lists[code] = list.filter((item): item is string => typeof item === 'string');
  }
  return lists;
}

/** The entries of text typed one a line: lines trimmed, blank ones dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** One language's list from the text typed for it; a language left with none is removed (not trained). */
export function withLanguageLines(lists: TextLists, code: string, text: string): TextLists {
  const lines = linesOf(text);
  const { [code]: _replaced, ...others } = lists;
  return lines.length === 0 ? others : { ...others, [code]: lines };
}
