import { describe, expect, it } from 'vitest';
import { renderMessage } from './plain-text-renderer.ts';

describe('plain-text renderer', () => {
  it('prints a text as one bot line, continuation lines aligned', () => {
    expect(renderMessage({ type: 'text', text: 'Hi!' })).toEqual(['bot: Hi!']);
    expect(renderMessage({ type: 'text', text: 'one\ntwo' })).toEqual(['bot: one\n     two']);
  });

  it('prints choices as a numbered list with their values', () => {
    const lines = renderMessage({
      type: 'choices',
      text: 'Pick one',
      choices: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    });
    expect(lines).toEqual(['bot: Pick one', '  [1] Yes (yes)', '  [2] No (no)']);
  });

  it('prints media with its kind, address and caption', () => {
    expect(
      renderMessage({ type: 'media', mediaType: 'image', url: 'https://x/a.png', caption: 'A' }),
    ).toEqual(['bot: [image] https://x/a.png A']);
    expect(renderMessage({ type: 'media', mediaType: 'file', url: 'https://x/a.pdf' })).toEqual([
      'bot: [file] https://x/a.pdf',
    ]);
  });

  it('prints the end of the conversation with its status', () => {
    expect(renderMessage({ type: 'end', status: 'resolved' })).toEqual(['-- conversation ended: resolved']);
  });
});
