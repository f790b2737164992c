import '../i18n/english-for-tests.ts';
import { nodeDefinitions, nodeKinds } from '@parley/nodes';
import { describe, expect, it } from 'vitest';
import { essenceOf, firstText } from './essence.ts';

describe('firstText', () => {
  it('shows the first language of a localised text', () => {
    expect(firstText('Hi')).toBe('Hi');
    expect(firstText({ de: 'Hallo', en: 'Hello' })).toBe('Hallo');
    expect(firstText({})).toBeUndefined();
    expect(firstText(42)).toBeUndefined();
  });
});

describe('essenceOf', () => {
  it('message: each text part, media as [type] url', () => {
    expect(
      essenceOf('message', {
        messages: [
          { type: 'text', text: { en: 'Welcome!', fr: 'Bienvenue !' } },
          { type: 'media', mediaType: 'image', url: 'https://x/y.png' },
        ],
      }),
    ).toEqual(['Welcome!', '[image] https://x/y.png']);
  });

  it('choice: prompt and the options', () => {
    expect(
      essenceOf('choice', {
        prompt: 'Pick',
        choices: [
          { value: 'a', label: { en: 'Apple' } },
          { value: 'b', label: 'Banana' },
        ],
      }),
    ).toEqual(['Pick', 'Apple · Banana']);
  });

  it('ask: prompt and where the answer goes', () => {
    expect(essenceOf('ask', { prompt: 'Email?', variable: 'email', inputType: 'email' })).toEqual([
      'Email?',
      '→ email (email)',
    ]);
  });

  it('condition: one line per branch expression', () => {
    expect(
      essenceOf('condition', {
        branches: [
          { port: 'adult', expression: 'age >= 18' },
          { port: 'vip', label: 'VIP', expression: 'tier == "gold"' },
        ],
      }),
    ).toEqual(['adult: age >= 18', 'VIP: tier == "gold"']);
  });

  it('set-variable: x = expr', () => {
    expect(essenceOf('set-variable', { assignments: [{ variable: 'total', expression: 'a + b' }] })).toEqual([
      'total = a + b',
    ]);
  });

  it('http-request: method and url', () => {
    expect(essenceOf('http-request', { method: 'POST', url: 'https://api/orders' })).toEqual([
      'POST https://api/orders',
    ]);
    expect(essenceOf('http-request', { url: 'https://api/' })).toEqual(['GET https://api/']);
  });

  it('end: the resolution and the closing message', () => {
    expect(essenceOf('end', { status: 'escalated', message: 'Bye' })).toEqual(['Escalated', 'Bye']);
    expect(essenceOf('end', {})).toEqual(['Resolved']);
  });

  it('survives half-edited and unknown configs', () => {
    expect(essenceOf('message', { messages: 'oops' })).toEqual([]);
    expect(essenceOf('condition', { branches: [{ port: 'x' }, null] })).toEqual([]);
    expect(essenceOf('no-such-kind', { a: 1 })).toEqual([]);
  });

  it('every kind but start says something with its defaults', () => {
    for (const kind of nodeKinds) {
      const lines = essenceOf(
        kind,
        structuredClone(nodeDefinitions[kind].defaults) as Record<string, unknown>,
      );
      if (kind === 'start') expect(lines).toEqual([]);
      else expect(lines.length, kind).toBeGreaterThan(0);
    }
  });
});
