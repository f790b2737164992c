import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

/** Product names are written the same in every language. */
const PROPER_NAMES = new Set(['WhatsApp']);

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') return found.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
  }
  return found;
}

describe('designer UI messages', () => {
  it('has every English message in Chinese and no Chinese message without an English one', () => {
    expect([...leaves(zh).keys()].sort()).toEqual([...leaves(en).keys()].sort());
  });

  it('translates every message: no Chinese entry is left in English', () => {
    const english = leaves(en);
    const untranslated = [...leaves(zh)].filter(
      ([path, text]) =>
        text === english.get(path) &&
        /[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, '')) &&
        !PROPER_NAMES.has(text),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const english = leaves(en);
    for (const [path, text] of leaves(zh)) {
      expect(placeholders(text), path).toEqual(placeholders(english.get(path) ?? ''));
    }
  });
});
