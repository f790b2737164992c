import { describe, expect, it } from 'vitest';
import { renderJsonBody, renderRequest, renderUrl } from './render-request.ts';

const scope = {
  name: 'Ada "A" \\ Lovelace',
  count: 3,
  cart: [{ sku: 'tea' }],
  id: 'a/b?c=d&e',
  base: 'https://x.test/api',
};

describe('renderJsonBody', () => {
  it('escapes values inside strings and writes values outside strings as JSON', () => {
    const body = renderJsonBody(
      '{"name": "{{name}}", "count": {{count}}, "cart": {{cart}}, "label": "n={{count}}"}',
      scope,
    );
    expect(JSON.parse(body)).toEqual({
      name: 'Ada "A" \\ Lovelace',
      count: 3,
      cart: [{ sku: 'tea' }],
      label: 'n=3',
    });
  });

  it('knows an escaped quote does not end a string', () => {
    const body = renderJsonBody('{"say": "\\"{{name}}\\""}', scope);
    expect(JSON.parse(body)).toEqual({ say: '"Ada "A" \\ Lovelace"' });
  });

  it('writes a list as JSON text inside a string, and null for a failing placeholder', () => {
    const body = renderJsonBody(
      '{"cart": "{{cart}}", "missing": {{nobody.name}}, "gone": "{{nobody}}"}',
      scope,
    );
    expect(JSON.parse(body)).toEqual({ cart: '[{"sku":"tea"}]', missing: null, gone: '' });
  });
});

describe('renderUrl', () => {
  it('encodes values in the path and query, not a base URL at the start', () => {
    expect(renderUrl('{{base}}/orders/{{id}}?q={{name}}', scope)).toBe(
      'https://x.test/api/orders/a%2Fb%3Fc%3Dd%26e?q=Ada%20%22A%22%20%5C%20Lovelace',
    );
  });

  it('inserts a host placeholder as it is', () => {
    expect(renderUrl('https://{{host}}/v1/{{count}}', { host: 'api.example.com:8443', count: 3 })).toBe(
      'https://api.example.com:8443/v1/3',
    );
  });
});

describe('renderRequest', () => {
  it('sends no body with GET', () => {
    expect(
      renderRequest({ method: 'GET', url: 'https://x.test/', headers: [], body: '{"a": 1}' }, scope),
    ).toEqual({
      method: 'GET',
      url: 'https://x.test/',
      headers: {},
    });
  });

  it('defaults the content type to JSON and leaves a form body to plain interpolation', () => {
    const json = renderRequest(
      { method: 'POST', url: 'https://x.test/', headers: [], body: '{"n": {{count}}}' },
      scope,
    );
    expect(json).toMatchObject({ headers: { 'content-type': 'application/json' }, body: '{"n": 3}' });
    const form = renderRequest(
      {
        method: 'POST',
        url: 'https://x.test/',
        headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        body: 'count={{count}}',
      },
      scope,
    );
    expect(form).toMatchObject({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'count=3',
    });
  });
});
