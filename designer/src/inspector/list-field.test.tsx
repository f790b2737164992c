// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

const choice = nodeDefinitions.choice;
const config = {
  prompt: 'Pick',
  choices: [
    { value: 'yes', label: 'Yes', synonyms: [] },
    { value: 'no', label: 'No', synonyms: ['nope'] },
  ],
};

function choiceValues() {
  const list = screen.getByRole('group', { name: 'Choices' });
  return within(list)
    .getAllByLabelText('Value')
    .map((input) => (input as HTMLInputElement).value);
}

describe('list fields', () => {
  it('shows one group per item, labelled by position', () => {
    renderInspector(choice.configSchema, config);
    expect(screen.getByRole('group', { name: 'Choices 1' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Choices 2' })).toBeTruthy();
    expect(choiceValues()).toEqual(['yes', 'no']);
  });

  it('adds an item built from the item schema', async () => {
    const { user, latest } = renderInspector(choice.configSchema, config);
    await user.click(screen.getByRole('button', { name: 'Add to Choices' }));
    expect(latest()).toEqual({
      ...config,
      choices: [...config.choices, { value: '', label: '' }],
    });
    const third = screen.getByRole('group', { name: 'Choices 3' });
    await user.type(within(third).getByLabelText('Value'), 'maybe');
    expect(latest()).toMatchObject({ choices: [{ value: 'yes' }, { value: 'no' }, { value: 'maybe' }] });
  });

  it('removes an item', async () => {
    const { user, latest } = renderInspector(choice.configSchema, config);
    await user.click(screen.getByRole('button', { name: 'Remove Choices 1' }));
    expect(latest()).toEqual({ ...config, choices: [config.choices[1]] });
    expect(choiceValues()).toEqual(['no']);
  });

  it('moves items up and down, and cannot move past the ends', async () => {
    const { user, latest } = renderInspector(choice.configSchema, config);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Choices 1 up' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Choices 2 down' }).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Move Choices 1 down' }));
    expect(latest()).toEqual({ ...config, choices: [config.choices[1], config.choices[0]] });
    expect(choiceValues()).toEqual(['no', 'yes']);
    await user.click(screen.getByRole('button', { name: 'Move Choices 2 up' }));
    expect(latest()).toEqual(config);
  });

  it('edits a nested list of strings inside an item', async () => {
    const { user, latest } = renderInspector(choice.configSchema, config);
    const second = screen.getByRole('group', { name: 'Choices 2' });
    await user.click(within(second).getByRole('button', { name: 'Add to Synonyms' }));
    await user.type(within(second).getByLabelText('Synonyms 2'), 'nah');
    expect(latest()).toMatchObject({ choices: [{ synonyms: [] }, { synonyms: ['nope', 'nah'] }] });
  });

  it('stops adding at the schema maximum', () => {
    const full = {
      ...config,
      choices: Array.from({ length: 20 }, (_, i) => ({ value: `c${i}`, label: 'C' })),
    };
    renderInspector(choice.configSchema, full);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add to Choices' }).disabled).toBe(true);
  });

  it('keeps per-item view state with its item when items move', async () => {
    const schema = z.object({ texts: z.array(nodeDefinitions.end.configSchema.shape.message.unwrap()) });
    const { user } = renderInspector(
      schema,
      { texts: ['first', { en: 'second', zh: '第二' }] },
      { languages: ['en', 'zh'] },
    );
    const second = screen.getByRole('group', { name: 'Texts 2' });
    await user.click(within(second).getByRole('tab', { name: 'zh' }));
    await user.click(screen.getByRole('button', { name: 'Move Texts 2 up' }));
    const moved = screen.getByRole('group', { name: 'Texts 1' });
    expect(within(moved).getByRole<HTMLTextAreaElement>('textbox').value).toBe('第二');
  });
});
