import { withKey } from './value-shape.ts';

export type TextRecord = Readonly<Record<string, string>>;

export function asTextRecord(value: unknown): TextRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The one text every language shares, if there is one. */
export function sharedText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const texts = new Set(Object.values(asTextRecord(value) ?? {}));
  return texts.size === 1 ? [...texts][0] : undefined;
}

/**
 * Edits one language. A plain string stands for every language, so it is first spread to each of them:
 * translating one language must not lose the text the others were showing.
 */
export function withLanguageText(
  value: unknown,
  languages: readonly string[],
  language: string,
  text: string,
): Record<string, string> {
  const record =
    asTextRecord(value) ??
    (typeof value === 'string' && value !== ''
      ? Object.fromEntries(languages.map((code) => [code, value]))
      : {});
  // An empty translation is left out so the runtime falls back to the default language, not to "".
  return withKey(record, language, text === '' ? undefined : text) as Record<string, string>;
}
