import { z } from 'zod';

/** A text shown to end users: one string for every language, or one per language code. */
export const localisedTextSchema = z
  .union([z.string(), z.record(z.string().min(2), z.string())])
  .meta({ widget: 'localised-text' });

export type LocalisedText = z.infer<typeof localisedTextSchema>;

/** Picks the text for `locale`, falling back to the flow's default language, then to any text there is. */
export function pickLocale(text: LocalisedText, locale: string, fallbackLocale: string): string {
  if (typeof text === 'string') return text;
  const base = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[base] ?? text[fallbackLocale] ?? Object.values(text)[0] ?? '';
}

/** Every language variant of a text, for checks that must look at all of them. */
export function textVariants(text: LocalisedText): string[] {
  return typeof text === 'string' ? [text] : Object.values(text);
}
