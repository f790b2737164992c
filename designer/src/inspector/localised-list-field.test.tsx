// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { flowLevelSchema } from '../flow-settings/flow-level-schema.ts';
import { renderInspector } from './inspector-test-harness.tsx';
import { linesOf, withLanguageLines } from './localised-list.ts';

const flowLevel = (phrases: Record<string, string[]>) => ({
  languages: ['en', 'zh'],
  variables: [],
  intents: [{ name: 'reset_password', phrases }],
  entities: [],
  settings: flowLevelSchema.shape.settings.parse(undefined),
});

describe('training phrases per language', () => {
  it('keeps one entry a line, trimmed, and drops a language left empty', () => {
    expect(linesOf('  reset my password \n\n forgot password\n')).toEqual([
      'reset my password',
      'forgot password',
    ]);
    const lists = { en: ['reset my password'], zh: ['重置密码'] };
    expect(withLanguageLines(lists, 'zh', '重置密码\n忘记密码')).toEqual({
      en: ['reset my password'],
      zh: ['重置密码', '忘记密码'],
    });
    expect(withLanguageLines(lists, 'zh', '\n  \n')).toEqual({ en: ['reset my password'] });
  });

  it('shows a tab per flow language with its count, and typing lines sets that language only', async () => {
    const { user, latest } = renderInspector(flowLevelSchema, flowLevel({ en: ['reset my password'] }), {
      languages: ['en', 'zh'],
    });
    const phrases = screen.getByRole('group', { name: 'Phrases' });
    const tabs = within(phrases).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['en (1)', 'zh (0)']);
    expect(within(phrases).getByLabelText<HTMLTextAreaElement>('Phrases (en)').value).toBe(
      'reset my password',
    );

    await user.click(within(phrases).getByRole('tab', { name: 'zh (0)' }));
    const zh = within(phrases).getByLabelText<HTMLTextAreaElement>('Phrases (zh)');
    await user.type(zh, '重置密码{Enter}忘记密码');
    expect(zh.value).toBe('重置密码\n忘记密码');
    expect(latest()).toMatchObject({
      intents: [
        { name: 'reset_password', phrases: { en: ['reset my password'], zh: ['重置密码', '忘记密码'] } },
      ],
    });
    expect(within(phrases).getByRole('tab', { name: 'zh (2)' })).toBeTruthy();
  });
});
