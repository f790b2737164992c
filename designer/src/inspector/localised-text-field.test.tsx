// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

const ask = nodeDefinitions.ask;
const languages = ['en', 'zh'];
const base = { prompt: 'Your name?', variable: 'name' };

function tab(group: string, name: string) {
  return within(screen.getByRole('group', { name: group })).getByRole('tab', { name });
}

describe('localised text', () => {
  it('offers an "All languages" tab and one tab per flow language', () => {
    renderInspector(ask.configSchema, base, { languages });
    const tabs = within(screen.getByRole('tablist', { name: 'Prompt' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['All languages', 'en', 'zh']);
    expect(tab('Prompt', 'All languages').getAttribute('aria-selected')).toBe('true');
  });

  it('edits one text for every language as a plain string', async () => {
    const { user, latest } = renderInspector(ask.configSchema, base, { languages });
    const text = screen.getByLabelText<HTMLTextAreaElement>('Prompt (All languages)');
    expect(text.value).toBe('Your name?');
    await user.clear(text);
    await user.type(text, 'Name?');
    expect(latest()).toEqual({ ...base, prompt: 'Name?' });
  });

  it('turns the text into a record when one language is edited, keeping the shared text for the others', async () => {
    const { user, latest } = renderInspector(ask.configSchema, base, { languages });
    await user.click(tab('Prompt', 'zh'));
    const zh = screen.getByLabelText<HTMLTextAreaElement>('Prompt (zh)');
    expect(zh.value).toBe('Your name?');
    expect(screen.getByText('The same text is used for every language.')).toBeTruthy();
    await user.clear(zh);
    await user.type(zh, '你叫什么名字？');
    expect(latest()).toEqual({ ...base, prompt: { en: 'Your name?', zh: '你叫什么名字？' } });
    expect(ask.configSchema.safeParse(latest()).success).toBe(true);
  });

  it('keeps each language text when switching tabs', async () => {
    const { user, latest } = renderInspector(
      ask.configSchema,
      { ...base, prompt: { en: 'Hi' } },
      { languages },
    );
    expect(tab('Prompt', 'en').getAttribute('aria-selected')).toBe('true');
    await user.click(tab('Prompt', 'zh'));
    const zh = screen.getByLabelText<HTMLTextAreaElement>('Prompt (zh)');
    expect(zh.value).toBe('');
    await user.type(zh, '你好');
    await user.click(tab('Prompt', 'en'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt (en)').value).toBe('Hi');
    await user.click(tab('Prompt', 'zh'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt (zh)').value).toBe('你好');
    expect(latest()).toEqual({ ...base, prompt: { en: 'Hi', zh: '你好' } });
  });

  it('replaces differing translations with one text from the "All languages" tab', async () => {
    const { user, latest } = renderInspector(
      ask.configSchema,
      { ...base, prompt: { en: 'Hi', zh: '你好' } },
      { languages },
    );
    await user.click(tab('Prompt', 'All languages'));
    const all = screen.getByLabelText<HTMLTextAreaElement>('Prompt (All languages)');
    expect(all.value).toBe('');
    expect(
      screen.getByText('Each language has its own text; typing here replaces them all with one text.'),
    ).toBeTruthy();
    await user.type(all, 'Hello');
    expect(latest()).toEqual({ ...base, prompt: 'Hello' });
  });

  it('removes an optional localised text when emptied, and shows the default as a hint', async () => {
    const { user, latest } = renderInspector(
      ask.configSchema,
      { ...base, noInputPrompt: 'Still there?' },
      {
        languages,
      },
    );
    await user.clear(screen.getByLabelText('No input prompt (All languages)'));
    expect(latest()).toEqual(base);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reprompt (All languages)').placeholder).toBe(
      "Sorry, I didn't get that. Please try again.",
    );
  });

  it('shows a language the text has even when the flow does not list it', () => {
    renderInspector(ask.configSchema, { ...base, prompt: { en: 'Hi', fr: 'Salut' } }, { languages });
    expect(tab('Prompt', 'fr')).toBeTruthy();
  });

  it('moves between language tabs with the arrow keys', async () => {
    const { user } = renderInspector(ask.configSchema, base, { languages });
    await user.click(tab('Prompt', 'All languages'));
    await user.keyboard('{ArrowRight}');
    expect(tab('Prompt', 'en').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('Prompt', 'en'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(tab('Prompt', 'zh').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('Prompt (zh)')).toBeTruthy();
  });
});
