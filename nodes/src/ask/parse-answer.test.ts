import { describe, expect, it } from 'vitest';
import { type AnswerRule, parseAnswer } from './parse-answer.ts';

const as = (inputType: AnswerRule['inputType'], extra: Partial<AnswerRule> = {}): AnswerRule => ({
  inputType,
  ...extra,
});
// Noon on Tuesday 5 March 2024 in the test's own time zone: relative dates are counted from here.
const now = new Date(2024, 2, 5, 12);

describe('parseAnswer', () => {
  describe('text', () => {
    it.each([
      ['  Ada Lovelace ', 'Ada Lovelace'],
      ['你好，我想退货', '你好，我想退货'],
      ['　张三　', '张三'],
    ])('accepts %j as %j', (answer, stored) => {
      expect(parseAnswer(answer, as('text'))).toBe(stored);
    });

    it.each(['', '   ', '\u3000\n'])('refuses the blank answer %j', (answer) => {
      expect(parseAnswer(answer, as('text'))).toBeUndefined();
    });
  });

  describe('number', () => {
    it.each([
      ['42', 42],
      ['3.5', 3.5],
      ['1,234.5', 1234.5],
      ['-2', -2],
      [' +7 ', 7],
      ['.5', 0.5],
      ['１２３', 123],
      ['\u22122', -2],
    ])('accepts %j as %j', (answer, stored) => {
      expect(parseAnswer(answer, as('number'))).toBe(stored);
    });

    it.each(['', 'forty-two', '1,23', '12,34,567', '1.2.3', '42abc', '1e5', '--2', '四十二'])(
      'refuses %j',
      (answer) => {
        expect(parseAnswer(answer, as('number'))).toBeUndefined();
      },
    );
  });

  describe('email', () => {
    it.each([
      ['Ada@Example.COM', 'ada@example.com'],
      ['  bob.smith+cs@mail.example.org ', 'bob.smith+cs@mail.example.org'],
      ['ａｄａ＠example.com', 'ada@example.com'],
    ])('accepts %j as %j', (answer, stored) => {
      expect(parseAnswer(answer, as('email'))).toBe(stored);
    });

    it.each(['ada', 'ada@', '@example.com', 'ada@example', 'ada @example.com', 'ada@@example.com'])(
      'refuses %j',
      (answer) => {
        expect(parseAnswer(answer, as('email'))).toBeUndefined();
      },
    );
  });

  describe('phone', () => {
    it.each([
      ['+44 20 7946 0958', {}, '+442079460958'],
      ['(201) 555-0123', { defaultCountry: 'US' }, '+12015550123'],
      ['020 7946 0958', { defaultCountry: 'GB' }, '+442079460958'],
      ['+1 201 555 0123', { defaultCountry: 'GB' }, '+12015550123'],
      ['１３８ ００１３ ８０００', { defaultCountry: 'CN' }, '+8613800138000'],
    ])('accepts %j (%o) as %j', (answer, extra, stored) => {
      expect(parseAnswer(answer, as('phone', extra))).toBe(stored);
    });

    it.each([
      ['(201) 555-0123', {}],
      ['12', { defaultCountry: 'US' }],
      ['call me', { defaultCountry: 'US' }],
      ['+44 12', {}],
    ])('refuses %j (%o)', (answer, extra) => {
      expect(parseAnswer(answer, as('phone', extra))).toBeUndefined();
    });
  });

  describe('date', () => {
    it.each([
      ['2024-03-05', 'en', '2024-03-05'],
      ['March 5 2024', 'en', '2024-03-05'],
      ['5 March 2024', 'en', '2024-03-05'],
      ['tomorrow', 'en', '2024-03-06'],
      ['on Friday, I think', 'en', '2024-03-08'],
      ['明天', 'zh-CN', '2024-03-06'],
      ['２０２４年３月５日', 'zh', '2024-03-05'],
      ['2024-12-25', 'zh', '2024-12-25'],
      ['tomorrow', 'zh', '2024-03-06'],
    ])('accepts %j (%s) as %j', (answer, locale, stored) => {
      expect(parseAnswer(answer, as('date'), { locale, now })).toBe(stored);
    });

    it.each(['banana', '42', 'March 2024', '12:30', '2024-02-30', ''])('refuses %j', (answer) => {
      expect(parseAnswer(answer, as('date'), { now })).toBeUndefined();
    });
  });

  describe('regex', () => {
    const order = as('regex', { pattern: '[A-Z]{2}\\d{4}' });

    it.each([
      ['AB1234', 'AB1234'],
      [' AB1234 ', 'AB1234'],
      ['ＡＢ１２３４', 'AB1234'],
    ])('accepts %j as %j', (answer, stored) => {
      expect(parseAnswer(answer, order)).toBe(stored);
    });

    it.each(['AB12345', 'xAB1234', 'ab1234', 'AB12'])(
      'refuses %j, which does not match as a whole',
      (answer) => {
        expect(parseAnswer(answer, order)).toBeUndefined();
      },
    );

    it('matches the whole answer even when the pattern has alternatives', () => {
      const yesNo = as('regex', { pattern: 'yes|no' });
      expect(parseAnswer('no', yesNo)).toBe('no');
      expect(parseAnswer('nope', yesNo)).toBeUndefined();
    });
  });
});
