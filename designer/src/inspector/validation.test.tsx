// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

/** The messages a control points at through aria-describedby, as a screen reader would announce them. */
function describedMessages(control: HTMLElement): string[] {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.flatMap((id) =>
    [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? ''),
  );
}

describe('validation messages', () => {
  it('shows a message at the invalid field and removes it once fixed', async () => {
    const { user } = renderInspector(nodeDefinitions.ask.configSchema, {
      prompt: 'Age?',
      variable: '1age',
    });
    const variable = screen.getByLabelText('Variable');
    expect(variable.getAttribute('aria-invalid')).toBe('true');
    expect(describedMessages(variable)).toEqual(['use letters, digits and "_", not starting with a digit']);
    expect(screen.getByText('use letters, digits and "_", not starting with a digit')).toBeTruthy();

    await user.clear(variable);
    await user.type(variable, 'age');
    expect(variable.getAttribute('aria-invalid')).toBeNull();
    expect(describedMessages(variable)).toEqual([]);
    expect(screen.queryByText('use letters, digits and "_", not starting with a digit')).toBeNull();
  });

  it('places a refinement issue at the path it names', async () => {
    const { user } = renderInspector(nodeDefinitions.ask.configSchema, {
      prompt: 'Code?',
      variable: 'code',
      inputType: 'regex',
    });
    const pattern = screen.getByLabelText('Pattern');
    expect(describedMessages(pattern)).toEqual(['a regex answer needs a pattern']);
    // user-event reads "[[" as one literal "[".
    await user.type(pattern, '[[a-z');
    expect(describedMessages(pattern)).toEqual(['the pattern is not a valid regular expression']);
    await user.type(pattern, ']');
    expect(describedMessages(pattern)).toEqual([]);
  });

  it('shows an issue inside a list item at that item field only', () => {
    renderInspector(nodeDefinitions.condition.configSchema, {
      branches: [
        { port: 'ok', expression: 'a > 1' },
        { port: 'else', expression: '' },
      ],
    });
    const first = screen.getByRole('group', { name: 'Branches 1' });
    const second = screen.getByRole('group', { name: 'Branches 2' });
    expect(describedMessages(within(first).getByLabelText('Port'))).toEqual([]);
    expect(describedMessages(within(second).getByLabelText('Port'))).toEqual(['"else" is reserved']);
    expect(describedMessages(within(second).getByLabelText('Expression'))).toHaveLength(1);
    expect(describedMessages(within(first).getByLabelText('Expression'))).toEqual([]);
  });

  it('shows a list-wide refinement on the list', async () => {
    const { user } = renderInspector(nodeDefinitions.condition.configSchema, {
      branches: [
        { port: 'a', expression: 'x' },
        { port: 'b', expression: 'y' },
      ],
    });
    const list = screen.getByRole('group', { name: 'Branches' });
    expect(describedMessages(list)).toEqual([]);
    const second = screen.getByRole('group', { name: 'Branches 2' });
    await user.clear(within(second).getByLabelText('Port'));
    await user.type(within(second).getByLabelText('Port'), 'a');
    expect(describedMessages(list)).toEqual(['two branches have the same port']);
  });

  it('flags a missing required field and a too-short list', () => {
    renderInspector(nodeDefinitions['set-variable'].configSchema, { assignments: [] });
    expect(describedMessages(screen.getByRole('group', { name: 'Assignments' }))).toHaveLength(1);
    cleanup();
    renderInspector(nodeDefinitions['http-request'].configSchema, { method: 'GET' });
    expect(describedMessages(screen.getByLabelText('URL'))).toHaveLength(1);
  });

  it('lists issues with no field of their own in a summary', () => {
    const schema = z
      .object({ from: z.number(), to: z.number() })
      .refine((range) => range.from <= range.to, { message: 'the range is reversed' });
    renderInspector(schema, { from: 5, to: 1 });
    const summary = screen.getByRole('region', { name: 'Problems with this node' });
    expect(summary.textContent).toContain('the range is reversed');
    expect(describedMessages(screen.getByLabelText('From'))).toEqual([]);
  });

  it('shows no summary when the config is valid', () => {
    renderInspector(nodeDefinitions.message.configSchema, nodeDefinitions.message.defaults);
    expect(screen.queryByRole('region', { name: 'Problems with this node' })).toBeNull();
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });
});
