// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

const settingsSchema = z.object({
  name: z.string().min(1),
  nickname: z.string().optional(),
  retries: z.number().int().min(0).max(5).optional(),
  ratio: z.number(),
  enabled: z.boolean().default(false),
  mode: z.enum(['fast', 'safe']),
  colour: z.enum(['red', 'green']).optional(),
  method: z.enum(['GET', 'POST']).default('GET'),
  errorVariable: z.object({ timeoutMs: z.number().optional(), label: z.string() }),
});

const base = { name: 'Bot', ratio: 0.5, mode: 'fast', errorVariable: { label: 'x' } };

describe('scalar and object fields', () => {
  it('marks the root for tests and tooling', () => {
    renderInspector(settingsSchema, base);
    expect(screen.getByTestId('node-inspector')).toBeTruthy();
  });

  it('edits a string and reports the whole config', async () => {
    const { user, latest } = renderInspector(settingsSchema, base);
    const input = screen.getByLabelText<HTMLInputElement>('Name');
    expect(input.value).toBe('Bot');
    await user.clear(input);
    await user.type(input, 'Ada');
    expect(latest()).toEqual({ ...base, name: 'Ada' });
  });

  it('keeps an emptied required string as "" but removes an emptied optional one', async () => {
    const { user, latest } = renderInspector(settingsSchema, { ...base, nickname: 'B' });
    await user.clear(screen.getByLabelText('Nickname'));
    expect(latest()).toEqual(base);
    expect(latest()).not.toHaveProperty('nickname');
    await user.clear(screen.getByLabelText('Name'));
    expect(latest()).toEqual({ ...base, name: '' });
  });

  it('edits numbers as numbers and clears them when emptied', async () => {
    const { user, latest } = renderInspector(settingsSchema, base);
    const retries = screen.getByLabelText<HTMLInputElement>('Retries');
    expect(retries.type).toBe('number');
    expect(retries.min).toBe('0');
    expect(retries.max).toBe('5');
    await user.type(retries, '3');
    expect(latest()).toEqual({ ...base, retries: 3 });
    await user.clear(retries);
    expect(latest()).not.toHaveProperty('retries');

    const ratio = screen.getByLabelText<HTMLInputElement>('Ratio');
    expect(ratio.value).toBe('0.5');
    await user.clear(ratio);
    await user.type(ratio, '2.25');
    expect(latest()).toMatchObject({ ratio: 2.25 });
  });

  it('edits a boolean with a checkbox that starts at the schema default', async () => {
    const { user, latest } = renderInspector(settingsSchema, base);
    const box = screen.getByLabelText<HTMLInputElement>('Enabled');
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    await user.click(box);
    expect(box.checked).toBe(true);
    expect(latest()).toEqual({ ...base, enabled: true });
  });

  it('picks enum values from a select; optional and defaulted ones can be left unset', async () => {
    const { user, latest } = renderInspector(settingsSchema, base);
    const mode = screen.getByLabelText<HTMLSelectElement>('Mode');
    expect(
      within(mode)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['fast', 'safe']);
    await user.selectOptions(mode, 'safe');
    expect(latest()).toEqual({ ...base, mode: 'safe' });

    const colour = screen.getByLabelText<HTMLSelectElement>('Colour');
    expect(
      within(colour)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['(none)', 'red', 'green']);
    await user.selectOptions(colour, 'green');
    expect(latest()).toMatchObject({ colour: 'green' });
    await user.selectOptions(colour, '(none)');
    expect(latest()).not.toHaveProperty('colour');

    const method = screen.getByLabelText<HTMLSelectElement>('Method');
    expect(method.selectedOptions[0]?.textContent).toBe('Default: GET');
    await user.selectOptions(method, 'POST');
    expect(latest()).toMatchObject({ method: 'POST' });
  });

  it('groups an object under a readable legend and edits its properties in place', async () => {
    const { user, latest } = renderInspector(settingsSchema, base);
    const group = screen.getByRole('group', { name: 'Error variable' });
    await user.type(within(group).getByLabelText('Timeout (ms)'), '250');
    expect(latest()).toEqual({ ...base, errorVariable: { label: 'x', timeoutMs: 250 } });
    await user.type(within(group).getByLabelText('Label'), 'y');
    expect(latest()).toEqual({ ...base, errorVariable: { label: 'xy', timeoutMs: 250 } });
  });

  it('falls back to a JSON editor for shapes without an editor, keeping unparsable drafts local', async () => {
    const schema = z.object({ scores: z.record(z.string(), z.number()) });
    const { user, latest, onChange } = renderInspector(schema, { scores: { a: 1 } });
    const editor = screen.getByLabelText<HTMLTextAreaElement>('Scores');
    expect(JSON.parse(editor.value)).toEqual({ a: 1 });
    await user.clear(editor);
    const calls = onChange.mock.calls.length;
    await user.type(editor, '{{"b": 2');
    expect(onChange.mock.calls.length).toBe(calls);
    expect(screen.getByText('Not valid JSON; the last valid value is kept.')).toBeTruthy();
    await user.type(editor, '}');
    expect(latest()).toEqual({ scores: { b: 2 } });
  });
});
