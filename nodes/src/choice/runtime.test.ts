import { describe, expect, it } from 'vitest';
import { click, press, silence, startChat, text } from '../testing/flow-harness.ts';
import { loopingMenuFlow, menuFlow, OUTCOME } from './choice-fixtures.ts';

const options = [
  { value: 'billing', label: 'Billing' },
  { value: 'support', label: 'Technical support' },
  { value: 'agent', label: 'Talk to Sam' },
];
const offer = (prompt: string) => ({ type: 'choices', text: prompt, choices: options });
const PROMPT = offer('How can we help, Ada?');
const REPROMPT = offer('Please pick billing, support or a person.');
const said = (outcome: string) => expect.arrayContaining([{ type: 'text', text: outcome }]);

describe('choice node at run time', () => {
  it('offers the options in one message, with templates filled in, and waits', async () => {
    const chat = await startChat(menuFlow());
    expect(chat.opening.messages).toEqual([PROMPT]);
    expect(chat.opening.node).toBe('menu');
    expect(chat.opening.conversation.status).toBe('active');
    expect(chat.stored().value).toEqual({ menu: 'waiting' });
  });

  it('leaves by the clicked option and stores its value', async () => {
    const chat = await startChat(menuFlow());
    const result = await chat.send(click('support'));
    expect(result.messages).toEqual([
      { type: 'text', text: OUTCOME.support },
      { type: 'end', status: 'resolved' },
    ]);
    expect(result.vars.topic).toBe('support');
  });

  it.each([
    ['the label, however it is typed', '  BÍLLING!! ', 'billing'],
    ['a synonym', 'Invoice', 'billing'],
    ['a synonym in another language', '发票', 'billing'],
    ['the label in another language', '技术支持', 'support'],
    ['a label built from a template', 'talk to sam', 'agent'],
    ['the option number', '2', 'support'],
    ['a full-width option number', '３', 'agent'],
  ])('picks an option by %s', async (_how, typed, value) => {
    const chat = await startChat(menuFlow());
    const result = await chat.send(text(typed));
    expect(result.vars.topic).toBe(value);
    expect(result.conversation.status).toBe('ended');
  });

  it('prefers a synonym over an option number', async () => {
    const chat = await startChat(
      menuFlow({
        menu: {
          choices: [
            { value: 'billing', label: 'Billing' },
            { value: 'support', label: 'Support' },
            { value: 'agent', label: 'Agent', synonyms: ['2'] },
          ],
        },
      }),
    );
    expect((await chat.send(text('2'))).vars.topic).toBe('agent');
  });

  it('picks option N for keypad digit N', async () => {
    const chat = await startChat(menuFlow());
    const result = await chat.send(press('3'));
    expect(result.messages).toEqual(said(OUTCOME.agent));
    expect(result.resolution).toBe('escalated');
  });

  it('reprompts with the options after an answer, key or button it does not understand', async () => {
    const chat = await startChat(menuFlow({ menu: { maxAttempts: 5 } }));
    for (const event of [text('pizza'), press('9'), click('nonsense'), text('   ')]) {
      const result = await chat.send(event);
      expect(result.messages).toEqual([REPROMPT]);
      expect(result.node).toBe('menu');
    }
    expect(chat.stored().context.attempts).toEqual({ menu: 4 });
  });

  it('leaves by no-match after maxAttempts failed answers, counted across turns', async () => {
    const chat = await startChat(menuFlow({ menu: { maxAttempts: 2 } }));
    expect((await chat.send(text('pizza'))).messages).toEqual([REPROMPT]);
    expect(chat.stored().context.attempts).toEqual({ menu: 1 });
    const result = await chat.send(text('pasta'));
    expect(result.messages).toEqual(said(OUTCOME.noMatch));
    expect(result.resolution).toBe('unresolved');
    expect(result.vars.topic).toBeNull();
  });

  it('keeps reprompting past maxAttempts when no-match is not connected', async () => {
    const chat = await startChat(menuFlow({ withoutNoMatch: true, menu: { maxAttempts: 2 } }));
    for (let i = 0; i < 4; i++) expect((await chat.send(text('pizza'))).messages).toEqual([REPROMPT]);
    expect((await chat.send(text('billing'))).vars.topic).toBe('billing');
  });

  it('says the prompt again on silence and counts it as a failed attempt', async () => {
    const chat = await startChat(menuFlow({ menu: { maxAttempts: 2 } }));
    expect((await chat.send(silence)).messages).toEqual([PROMPT]);
    expect((await chat.send(silence)).messages).toEqual(said(OUTCOME.noMatch));
  });

  it('says the no-input prompt on silence when there is one', async () => {
    const chat = await startChat(menuFlow({ menu: { noInputPrompt: 'Still there, {{name}}?' } }));
    expect((await chat.send(silence)).messages).toEqual([offer('Still there, Ada?')]);
  });

  it('starts counting afresh each time the node is entered', async () => {
    const chat = await startChat(loopingMenuFlow());
    await chat.send(text('pizza'));
    expect((await chat.send(text('again'))).messages).toEqual([
      { type: 'text', text: 'Once more.' },
      expect.objectContaining({ type: 'choices', text: 'Again or done?' }),
    ]);
    expect(chat.stored().context.attempts).toEqual({});
    const result = await chat.send(text('pizza'));
    expect(result.messages).toEqual([expect.objectContaining({ text: 'Please pick one of the options.' })]);
    expect((await chat.send(text('done'))).messages).toEqual(said('Done.'));
  });

  it('leaves the variable alone when none is configured', async () => {
    const chat = await startChat(menuFlow({ menu: { variable: undefined } }));
    const result = await chat.send(text('billing'));
    expect(result.messages).toEqual(said(OUTCOME.billing));
    expect(result.vars.topic).toBeNull();
  });

  it('ends as abandoned when the user hangs up while it waits', async () => {
    const chat = await startChat(menuFlow());
    const result = await chat.send({ type: 'user.hangup' });
    expect(result.resolution).toBe('abandoned');
  });

  describe('in a Chinese conversation', () => {
    const zhOptions = [
      { value: 'billing', label: '账单' },
      { value: 'support', label: '技术支持' },
      { value: 'agent', label: '联系Sam' },
    ];

    it('offers the Chinese prompt and labels', async () => {
      const chat = await startChat(menuFlow(), 'zh-CN');
      expect(chat.opening.messages).toEqual([
        { type: 'choices', text: 'Ada，需要什么帮助？', choices: zhOptions },
      ]);
    });

    it('picks by a Chinese label with punctuation, or by the English one', async () => {
      const chat = await startChat(menuFlow(), 'zh');
      expect((await chat.send(text(' 联系 Sam！'))).vars.topic).toBe('agent');
      const english = await startChat(menuFlow(), 'zh');
      expect((await english.send(text('Billing'))).vars.topic).toBe('billing');
    });

    it('reprompts in Chinese', async () => {
      const chat = await startChat(menuFlow(), 'zh');
      expect((await chat.send(text('披萨'))).messages).toEqual([
        { type: 'choices', text: '请选择一个选项。', choices: zhOptions },
      ]);
    });
  });
});
