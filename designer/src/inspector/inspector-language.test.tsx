// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { act, cleanup, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { flowLevelSchema } from '../flow-settings/flow-level-schema.ts';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const ask = nodeDefinitions.ask;
const askConfig = { ...ask.defaults, prompt: 'What is your email?', variable: 'email' };

describe('the inspector in Chinese', () => {
  it('labels the ask node’s fields and input types in Chinese', async () => {
    await i18next.changeLanguage('zh');
    renderInspector(ask.configSchema, askConfig, { languages: ['en', 'zh'] });

    const prompt = screen.getByRole('group', { name: '提示语' });
    expect(within(prompt).getByRole('textbox', { name: '提示语（所有语言）' })).toHaveProperty(
      'value',
      'What is your email?',
    );
    expect(screen.getByRole('spinbutton', { name: '最多尝试次数' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '重新提问' })).toBeTruthy();

    const inputType = screen.getByRole('combobox', { name: '输入类型' });
    const options = within(inputType)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['默认：文本', '文本', '数字', '邮箱', '电话', '日期', '正则表达式']);
    expect(screen.queryByText('Prompt')).toBeNull();
  });

  it('switches the labels when the UI language changes while the form is open', async () => {
    renderInspector(ask.configSchema, askConfig);
    expect(screen.getByRole('combobox', { name: 'Input type' })).toBeTruthy();
    expect(
      within(screen.getByRole('combobox', { name: 'Input type' })).getByRole('option', { name: 'email' }),
    ).toBeTruthy();

    await act(() => i18next.changeLanguage('zh'));
    const inputType = screen.getByRole('combobox', { name: '输入类型' });
    expect(within(inputType).getByRole('option', { name: '邮箱' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '提示语' })).toBeTruthy();

    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByRole('group', { name: 'Prompt' })).toBeTruthy();
  });

  it('leaves technical option values as they are', async () => {
    await i18next.changeLanguage('zh');
    const http = nodeDefinitions['http-request'];
    renderInspector(http.configSchema, http.defaults);
    const method = screen.getByRole('combobox', { name: '请求方法' });
    expect(within(method).getByRole('option', { name: 'POST' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: '超时（毫秒）' })).toBeTruthy();
  });

  it('translates the flow-level form’s nested fields and variable types', async () => {
    await i18next.changeLanguage('zh');
    const schema = flowLevelSchema;
    renderInspector(schema, {
      languages: ['en'],
      variables: [{ name: 'email', type: 'string' }],
      settings: {},
    });
    const type = screen.getByRole('combobox', { name: '类型' });
    expect(within(type).getByRole('option', { name: '字符串' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: '空闲超时（分钟）' })).toBeTruthy();
  });
});
