// @vitest-environment happy-dom
import { nodeDefinitions } from '@parley/nodes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInspector } from './inspector-test-harness.tsx';

afterEach(cleanup);

const http = nodeDefinitions['http-request'];

describe('widget hints', () => {
  it('offers declared variables in a variable picker but accepts any name', async () => {
    const { user, latest } = renderInspector(http.configSchema, http.defaults, {
      variables: ['orderId', 'failure'],
    });
    const picker = screen.getByLabelText<HTMLInputElement>('Error variable');
    expect(picker.getAttribute('data-widget')).toBe('variable');
    expect(picker.list).not.toBeNull();
    const suggestions = document.getElementById(picker.getAttribute('list') ?? '');
    expect([...(suggestions?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'orderId',
      'failure',
    ]);
    await user.type(picker, 'failure');
    expect(latest()).toEqual({ ...http.defaults, errorVariable: 'failure' });
    await user.clear(picker);
    await user.type(picker, 'brandNew');
    expect(latest()).toEqual({ ...http.defaults, errorVariable: 'brandNew' });
    await user.clear(picker);
    expect(latest()).toEqual(http.defaults);
  });

  it('edits expressions in a code text area named by its widget', async () => {
    const setVariable = nodeDefinitions['set-variable'];
    const { user, latest } = renderInspector(setVariable.configSchema, setVariable.defaults, {
      variables: ['result'],
    });
    const item = screen.getByRole('group', { name: 'Assignments 1' });
    const expression = within(item).getByLabelText<HTMLTextAreaElement>('Expression');
    expect(expression.tagName).toBe('TEXTAREA');
    expect(expression.getAttribute('data-widget')).toBe('expression');
    await user.clear(expression);
    await user.type(expression, 'total * 2');
    expect(latest()).toEqual({ assignments: [{ variable: 'result', expression: 'total * 2' }] });
    expect(within(item).getByLabelText('Variable').getAttribute('data-widget')).toBe('variable');
  });

  it('edits templates and JSON templates as multi-line code', async () => {
    const { user, latest } = renderInspector(http.configSchema, http.defaults);
    const url = screen.getByLabelText<HTMLTextAreaElement>('URL');
    expect(url.tagName).toBe('TEXTAREA');
    expect(url.getAttribute('data-widget')).toBe('template');
    expect(url.value).toBe('https://api.example.com/');

    const body = screen.getByLabelText<HTMLTextAreaElement>('Body');
    expect(body.getAttribute('data-widget')).toBe('json-template');
    // user-event reads "{{" as one literal "{".
    await user.type(body, '{{"id": {{{{orderId}}}');
    expect(latest()).toEqual({ ...http.defaults, body: '{"id": {{orderId}}}' });
    await user.clear(body);
    expect(latest()).toEqual(http.defaults);
  });

  it('renders every field of the HTTP request node with an editor', async () => {
    const { user, latest } = renderInspector(http.configSchema, http.defaults);
    expect(screen.getByLabelText('Method')).toBeTruthy();
    expect(screen.getByLabelText('Timeout (ms)')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Headers' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add to Response mapping' }));
    const mapping = screen.getByRole('group', { name: 'Response mapping 1' });
    await user.type(within(mapping).getByLabelText('Variable'), 'status');
    await user.type(within(mapping).getByLabelText('Expression'), 'response.status');
    expect(latest()).toEqual({
      ...http.defaults,
      responseMapping: [{ variable: 'status', expression: 'response.status' }],
    });
    expect(screen.queryByText('Edited as JSON because this shape has no dedicated editor.')).toBeNull();
  });
});
