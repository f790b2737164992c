import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile-flow.ts';
import { type TransitionConfig, WAITING_TAG } from '../core/machine-config.ts';
import { questionFlow } from './ask-fixtures.ts';

const compiledQuestion = (...args: Parameters<typeof questionFlow>) =>
  compileFlow(questionFlow(...args)).states.question;

describe('compileAsk', () => {
  it('compiles a question into one waiting compound state', () => {
    expect(
      compiledQuestion({ question: { inputType: 'phone', defaultCountry: 'US', noInputPrompt: 'Hello?' } }),
    ).toMatchSnapshot();
  });

  it('waits only in the waiting child', () => {
    const states = compiledQuestion()?.states ?? {};
    expect(
      Object.entries(states)
        .filter(([, s]) => s.tags?.includes(WAITING_TAG))
        .map(([k]) => k),
    ).toEqual(['waiting']);
  });

  /** Where each transition goes; one without a target stays and asks again. */
  const outcomes = (transitions: TransitionConfig[] | undefined) =>
    transitions?.map((t) => t.target ?? `asks again: ${t.actions?.map((a) => a.type).join(', ')}`);

  it('treats keypad digits as a failed answer where a keypad cannot type one', () => {
    const waiting = compiledQuestion({ question: { inputType: 'email' } })?.states?.waiting;
    expect(outcomes(waiting?.on?.['user.dtmf'])).toEqual([
      '#gave-up',
      'asks again: parley.countAttempt, ask.say',
    ]);
  });

  it('keeps asking when invalid is not connected', () => {
    const waiting = compiledQuestion({ withoutInvalid: true })?.states?.waiting;
    expect(outcomes(waiting?.on?.['user.message'])).toEqual([
      '#thanks',
      'asks again: parley.countAttempt, ask.say',
    ]);
  });

  it('refuses a question whose answer leads nowhere', () => {
    const flow = questionFlow();
    const edges = (flow.edges ?? []).filter((e) => e.sourcePort !== 'next' || e.source !== 'question');
    expect(() => compileFlow({ ...flow, edges })).toThrow(/port "next" of node "question" is not connected/);
  });
});
