// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

const message = nodeDefinitions.message;

describe('union fields', () => {
  it('shows the fields of the current shape and a type selector', () => {
    renderInspector(message.configSchema, message.defaults);
    const part = screen.getByRole('group', { name: 'Messages 1' });
    const type = within(part).getByLabelText<HTMLSelectElement>('Type');
    expect(type.selectedOptions[0]?.textContent).toBe('text');
    expect(
      within(type)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['text', 'media']);
    expect(within(part).getByRole('group', { name: 'Text' })).toBeTruthy();
    expect(within(part).queryByLabelText('URL')).toBeNull();
  });

  it('switches a message part from text to media, swapping its fields', async () => {
    const { user, latest } = renderInspector(message.configSchema, message.defaults);
    const part = screen.getByRole('group', { name: 'Messages 1' });
    await user.selectOptions(within(part).getByLabelText('Type'), 'media');
    expect(latest()).toEqual({ messages: [{ type: 'media', mediaType: 'image', url: '' }] });
    expect(within(part).queryByRole('group', { name: 'Text' })).toBeNull();
    expect(within(part).getByLabelText<HTMLSelectElement>('Media type').value).not.toBe('');

    const url = within(part).getByLabelText('URL');
    expect(url.getAttribute('data-widget')).toBe('template');
    await user.type(url, 'https://x.test/a.png');
    await user.selectOptions(within(part).getByLabelText('Media type'), 'file');
    expect(latest()).toEqual({
      messages: [{ type: 'media', mediaType: 'file', url: 'https://x.test/a.png' }],
    });
    expect(message.configSchema.safeParse(latest()).success).toBe(true);
  });

  it('adds a new part as the first shape, then lets it switch', async () => {
    const { user, latest } = renderInspector(message.configSchema, message.defaults);
    await user.click(screen.getByRole('button', { name: 'Add to Messages' }));
    expect(latest()).toEqual({
      messages: [
        { type: 'text', text: 'Hello!' },
        { type: 'text', text: '' },
      ],
    });
    const second = screen.getByRole('group', { name: 'Messages 2' });
    await user.selectOptions(within(second).getByLabelText('Type'), 'media');
    expect(latest()).toMatchObject({ messages: [{ type: 'text' }, { type: 'media' }] });
  });

  it('keeps values of properties both shapes share when switching', async () => {
    const schema = z.object({
      target: z.discriminatedUnion('via', [
        z.object({ via: z.literal('email'), note: z.string(), address: z.string() }),
        z.object({ via: z.literal('sms'), note: z.string(), phone: z.string() }),
      ]),
    });
    const { user, latest } = renderInspector(schema, {
      target: { via: 'email', note: 'hi', address: 'a@b' },
    });
    await user.selectOptions(screen.getByLabelText('Via'), 'sms');
    expect(latest()).toEqual({ target: { via: 'sms', note: 'hi', phone: '' } });
    expect(screen.getByLabelText<HTMLInputElement>('Note').value).toBe('hi');
  });
});
