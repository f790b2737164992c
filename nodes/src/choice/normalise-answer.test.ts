import { describe, expect, it } from 'vitest';
import { answerMatches, normaliseAnswer } from './normalise-answer.ts';

describe('normaliseAnswer', () => {
  it.each([
    ['  Billing!! ', 'billing'],
    ['TECHNICAL support.', 'technicalsupport'],
    ['Crème Brûlée', 'cremebrulee'],
    ['ＢＩＬＬＩＮＧ', 'billing'],
    ['２', '2'],
    ['#2', '2'],
    ['技术支持。', '技术支持'],
    ['人工 客服！', '人工客服'],
    ["don't", 'dont'],
  ])('folds %j to %j', (typed, folded) => {
    expect(normaliseAnswer(typed)).toBe(folded);
  });

  it('keeps the voicing marks that tell Japanese kana apart', () => {
    expect(normaliseAnswer('が')).not.toBe(normaliseAnswer('か'));
  });
});

describe('answerMatches', () => {
  it('matches any of the words however they are typed', () => {
    expect(answerMatches('  INVOICE? ', ['Billing', 'invoice'])).toBe(true);
    expect(answerMatches('发票', ['Billing', '发票'])).toBe(true);
  });

  it('does not match part of a word or an answer that is only punctuation', () => {
    expect(answerMatches('bill', ['Billing'])).toBe(false);
    expect(answerMatches('!!!', ['👍'])).toBe(false);
  });
});
