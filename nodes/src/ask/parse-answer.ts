import * as chrono from 'chrono-node';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { AskConfig } from './definition.ts';

export type AnswerRule = Pick<AskConfig, 'inputType' | 'pattern' | 'defaultCountry'>;

export type ParseOptions = {
  /** The conversation's language: dates are read in it first, then in English. */
  locale?: string;
  /** Reference for relative dates such as "tomorrow"; the current time when left out. */
  now?: Date;
};

/** What an answer is stored as; undefined when the answer is not acceptable. */
export type ParsedAnswer = string | number | undefined;

// Thousands separated by commas or not at all; a dot for decimals.
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const emailSchema = z.email();

const datesByLanguage: Record<string, Pick<typeof chrono, 'parse'>> = {
  en: chrono,
  ar: chrono.ar,
  de: chrono.de,
  es: chrono.es,
  fi: chrono.fi,
  fr: chrono.fr,
  id: chrono.id,
  it: chrono.it,
  ja: chrono.ja,
  nl: chrono.nl,
  pt: chrono.pt,
  ru: chrono.ru,
  sv: chrono.sv,
  uk: chrono.uk,
  vi: chrono.vi,
  zh: chrono.zh,
};

function parseNumber(answer: string): ParsedAnswer {
  const candidate = answer.replace(/\u2212/g, '-');
  return NUMBER.test(candidate) ? Number(candidate.replace(/,/g, '')) : undefined;
}

function parseEmail(answer: string): ParsedAnswer {
  return emailSchema.safeParse(answer).success ? answer.toLowerCase() : undefined;
}

function parsePhone(answer: string, defaultCountry: string | undefined): ParsedAnswer {
  const country = defaultCountry && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const phone = parsePhoneNumberFromString(answer, country ? { defaultCountry: country } : {});
  return phone?.isValid() ? phone.number : undefined;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A calendar day (`YYYY-MM-DD`); "March 2024" or "12:30" name no day and are refused. */
function parseDate(answer: string, { locale = 'en', now = new Date() }: ParseOptions): ParsedAnswer {
  const language = locale.split('-')[0] ?? 'en';
  const parsers = new Set([datesByLanguage[language] ?? chrono, chrono]);
  for (const parser of parsers) {
    const day = parser
      .parse(answer, now)
      .map((result) => result.start)
      .find((start) => start.isCertain('day') || start.isCertain('weekday'));
    if (day) {
      const [year, month, date] = [day.get('year'), day.get('month'), day.get('day')];
      if (year !== null && month !== null && date !== null) {
        return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(date)}`;
      }
    }
  }
  return undefined;
}

/**
 * Checks an end user's answer against the ask node's input type and returns the value to store.
 * Everything but free text is read after NFKC folding, so full-width digits and `＠` typed with an
 * East Asian keyboard count.
 */
export function parseAnswer(answer: string, rule: AnswerRule, options: ParseOptions = {}): ParsedAnswer {
  const text = answer.trim();
  if (rule.inputType === 'text') return text === '' ? undefined : text;
  const folded = text.normalize('NFKC');
  if (folded === '') return undefined;
  switch (rule.inputType) {
    case 'number':
      return parseNumber(folded);
    case 'email':
      return parseEmail(folded);
    case 'phone':
      return parsePhone(folded, rule.defaultCountry);
    case 'date':
      return parseDate(folded, options);
    case 'regex':
      return new RegExp(`^(?:${rule.pattern ?? ''})$`, 'u').test(folded) ? folded : undefined;
  }
}
