import { nodeDefinitions } from '@parley/nodes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extraNamesByPath } from './field-scopes.ts';

describe('names readable in some fields only', () => {
  it("lets an HTTP request's response mapping read `response`, and not its URL", () => {
    const http = nodeDefinitions['http-request'];
    const config = {
      ...http.defaults,
      responseMapping: [
        { variable: 'total', expression: 'response.body.total' },
        { variable: 'status', expression: '' },
      ],
    };
    const names = extraNamesByPath(http.configSchema, config);
    expect([...names]).toEqual([
      ['responseMapping.0.expression', ['response']],
      ['responseMapping.1.expression', ['response']],
    ]);
    expect(names.get('url')).toBeUndefined();
  });

  it('finds them while the config does not parse yet', () => {
    const http = nodeDefinitions['http-request'];
    const names = extraNamesByPath(http.configSchema, {
      url: '',
      responseMapping: [{ variable: '', expression: '' }],
    });
    expect(names.get('responseMapping.0.expression')).toEqual(['response']);
  });

  it('has none for kinds without such names, schemas of no node kind, or configs it cannot read', () => {
    const condition = nodeDefinitions.condition;
    expect(extraNamesByPath(condition.configSchema, condition.defaults).size).toBe(0);
    expect(extraNamesByPath(z.object({ a: z.string() }), { a: 'x' }).size).toBe(0);
    expect(extraNamesByPath(nodeDefinitions['http-request'].configSchema, null).size).toBe(0);
  });
});
