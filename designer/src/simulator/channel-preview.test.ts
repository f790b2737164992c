import type { BotMessage } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { previewMessage } from './channel-preview.ts';

const menu = (n: number): BotMessage => ({
  type: 'choices',
  text: 'What do you need?',
  choices: Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: `Option ${i}` })),
});

describe('channel previews', () => {
  it('shows web chat choices as buttons however many there are', () => {
    expect(previewMessage(menu(5), 'web')).toMatchObject({ kind: 'buttons', choices: { length: 5 } });
  });

  it('numbers SMS choices from 1 so a reply can name one', () => {
    const item = previewMessage(menu(2), 'sms');
    expect(item).toEqual({
      kind: 'numbered',
      text: 'What do you need?',
      choices: [
        { value: 'v0', label: 'Option 0', key: '1' },
        { value: 'v1', label: 'Option 1', key: '2' },
      ],
    });
  });

  it('gives WhatsApp reply buttons up to three choices and a numbered list beyond', () => {
    expect(previewMessage(menu(3), 'whatsapp').kind).toBe('buttons');
    expect(previewMessage(menu(4), 'whatsapp').kind).toBe('numbered');
  });

  it('speaks texts on the phone and offers choices as keys', () => {
    expect(previewMessage({ type: 'text', text: 'Hello' }, 'phone')).toEqual({
      kind: 'speech',
      text: 'Hello',
    });
    expect(previewMessage(menu(2), 'phone')).toMatchObject({
      kind: 'numbered',
      choices: [{ key: '1' }, { key: '2' }],
    });
  });

  it('shows media with its caption, and on the phone only says the caption', () => {
    const image: BotMessage = {
      type: 'media',
      mediaType: 'image',
      url: 'https://x.test/a.png',
      caption: 'Receipt',
    };
    expect(previewMessage(image, 'whatsapp')).toEqual({
      kind: 'media',
      mediaType: 'image',
      url: 'https://x.test/a.png',
      caption: 'Receipt',
    });
    expect(previewMessage(image, 'phone')).toEqual({ kind: 'speech', text: 'Receipt' });
  });
});
