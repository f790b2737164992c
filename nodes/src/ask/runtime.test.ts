import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, press, silence, startChat, text } from '../testing/flow-harness.ts';
import { GAVE_UP, questionFlow, repeatedQuestionFlow } from './ask-fixtures.ts';
import type { AnswerRule } from './parse-answer.ts';

const line = (value: string) => ({ type: 'text', text: value });
const PROMPT = line('What is your answer, Ada?');
const REPROMPT = line('Sorry, that does not look right. Try again?');

type Rule = Pick<AnswerRule, 'inputType'> & Partial<AnswerRule>;

describe('ask node at run time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks with templates filled in and waits', async () => {
    const chat = await startChat(questionFlow());
    expect(chat.opening.messages).toEqual([PROMPT]);
    expect(chat.opening.node).toBe('question');
    expect(chat.stored().value).toEqual({ question: 'waiting' });
  });

  it.each<[Rule, string, string | number]>([
    [{ inputType: 'text' }, '  Ada Lovelace ', 'Ada Lovelace'],
    [{ inputType: 'number' }, '1,234.5', 1234.5],
    [{ inputType: 'email' }, 'Ada@Example.com', 'ada@example.com'],
    [{ inputType: 'phone', defaultCountry: 'US' }, '(201) 555-0123', '+12015550123'],
    [{ inputType: 'date' }, 'March 5 2024', '2024-03-05'],
    [{ inputType: 'regex', pattern: '[A-Z]{2}\\d{4}' }, 'AB1234', 'AB1234'],
  ])('stores a valid %o answer and leaves by next', async (rule, answer, stored) => {
    const chat = await startChat(questionFlow({ question: rule }));
    const result = await chat.send(text(answer));
    expect(result.vars.answer).toBe(stored);
    expect(result.messages).toEqual([line(`Got ${stored}.`), { type: 'end', status: 'resolved' }]);
  });

  it.each<[Rule, string]>([
    [{ inputType: 'text' }, '   '],
    [{ inputType: 'number' }, 'forty-two'],
    [{ inputType: 'email' }, 'ada@'],
    [{ inputType: 'phone', defaultCountry: 'US' }, '555'],
    [{ inputType: 'date' }, 'someday'],
    [{ inputType: 'regex', pattern: '[A-Z]{2}\\d{4}' }, 'AB12345'],
  ])('asks again after an invalid %o answer, storing nothing', async (rule, answer) => {
    const chat = await startChat(questionFlow({ question: rule }));
    const result = await chat.send(text(answer));
    expect(result.messages).toEqual([REPROMPT]);
    expect(result.node).toBe('question');
    expect(result.vars.answer).toBeNull();
    expect(chat.stored().value).toEqual({ question: 'waiting' });
  });

  it('reads "tomorrow" relative to now', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2024, 11, 31, 12));
    const chat = await startChat(questionFlow({ question: { inputType: 'date' } }));
    expect((await chat.send(text('tomorrow'))).vars.answer).toBe('2025-01-01');
  });

  it.each<[Rule, string, string | number]>([
    [{ inputType: 'number' }, '42#', 42],
    [{ inputType: 'phone', defaultCountry: 'US' }, '2015550123', '+12015550123'],
    [{ inputType: 'text' }, '1234', '1234'],
  ])('takes a %o answer from the keypad', async (rule, digits, stored) => {
    const chat = await startChat(questionFlow({ question: rule }));
    expect((await chat.send(press(digits))).vars.answer).toBe(stored);
  });

  it('counts keypad digits as a failed answer to an email question', async () => {
    const chat = await startChat(questionFlow({ question: { inputType: 'email' } }));
    expect((await chat.send(press('123'))).messages).toEqual([REPROMPT]);
    expect((await chat.send(press('456'))).messages).toEqual([
      line(GAVE_UP),
      { type: 'end', status: 'escalated' },
    ]);
  });

  it('takes a quick-reply button value as the answer', async () => {
    const chat = await startChat(questionFlow({ question: { inputType: 'number' } }));
    expect((await chat.send(click('3'))).vars.answer).toBe(3);
  });

  it('leaves by invalid after maxAttempts failed answers, counted across turns', async () => {
    const chat = await startChat(questionFlow({ question: { inputType: 'email', maxAttempts: 3 } }));
    for (const answer of ['no', 'still no']) {
      expect((await chat.send(text(answer))).messages).toEqual([REPROMPT]);
    }
    expect(chat.stored().context.attempts).toEqual({ question: 2 });
    const result = await chat.send(text('nope'));
    expect(result.messages).toEqual([line(GAVE_UP), { type: 'end', status: 'escalated' }]);
    expect(result.resolution).toBe('escalated');
  });

  it('keeps asking past maxAttempts when invalid is not connected', async () => {
    const chat = await startChat(questionFlow({ withoutInvalid: true, question: { inputType: 'number' } }));
    for (let i = 0; i < 4; i++) expect((await chat.send(text('lots'))).messages).toEqual([REPROMPT]);
    expect((await chat.send(text('12'))).vars.answer).toBe(12);
  });

  it('says the prompt again on silence and counts it as a failed attempt', async () => {
    const chat = await startChat(questionFlow());
    expect((await chat.send(silence)).messages).toEqual([PROMPT]);
    expect((await chat.send(silence)).messages).toEqual([
      line(GAVE_UP),
      { type: 'end', status: 'escalated' },
    ]);
  });

  it('says the no-input prompt on silence when there is one', async () => {
    const chat = await startChat(questionFlow({ question: { noInputPrompt: 'Are you there, {{name}}?' } }));
    expect((await chat.send(silence)).messages).toEqual([line('Are you there, Ada?')]);
  });

  it('starts counting afresh each time the question is asked', async () => {
    const chat = await startChat(repeatedQuestionFlow());
    await chat.send(text('many'));
    expect((await chat.send(text('3'))).messages).toEqual([line('Noted 3.'), line('How many?')]);
    expect(chat.stored().context.attempts).toEqual({});
    expect((await chat.send(text('many'))).messages).toEqual([
      line("Sorry, I didn't get that. Please try again."),
    ]);
    expect((await chat.send(text('4'))).vars.count).toBe(4);
  });

  it('ends as abandoned when the user hangs up while it waits', async () => {
    const chat = await startChat(questionFlow());
    expect((await chat.send({ type: 'user.hangup' })).resolution).toBe('abandoned');
  });

  describe('in a Chinese conversation', () => {
    it('asks and reprompts in Chinese', async () => {
      const chat = await startChat(questionFlow({ question: { inputType: 'email' } }), 'zh-CN');
      expect(chat.opening.messages).toEqual([line('Ada，你的回答是？')]);
      expect((await chat.send(text('不知道'))).messages).toEqual([line('抱歉，格式不对，请再试一次。')]);
    });

    it('stores a Chinese text answer', async () => {
      const chat = await startChat(questionFlow(), 'zh');
      expect((await chat.send(text(' 我想查询订单 '))).vars.answer).toBe('我想查询订单');
    });

    it('reads a Chinese date and full-width digits', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(2024, 2, 5, 12));
      const chat = await startChat(questionFlow({ question: { inputType: 'date' } }), 'zh');
      expect((await chat.send(text('明天'))).vars.answer).toBe('2024-03-06');
      const numbers = await startChat(questionFlow({ question: { inputType: 'number' } }), 'zh');
      expect((await numbers.send(text('４２'))).vars.answer).toBe(42);
    });
  });
});
