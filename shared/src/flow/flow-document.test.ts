import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from './flow-document.ts';
import { flowJsonSchema } from './json-schema.ts';
import { pickLocale } from './localised-text.ts';

describe('flow document', () => {
  it('fills defaults an author may leave out', () => {
    const flow = flowDocumentSchema.parse({ id: 'f', name: 'F', nodes: [{ id: 'start', type: 'start' }] });
    expect(flow.languages).toEqual(['en']);
    expect(flow.edges).toEqual([]);
    expect(flow.nodes[0]).toEqual({ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} });
    expect(flow.settings.limits).toEqual({ maxStepsPerTurn: 100, turnTimeoutMs: 15_000 });
  });

  it('gives every parse its own default objects (a shared default once leaked edits between flows)', () => {
    const a = flowDocumentSchema.parse({ id: 'a', name: 'A', nodes: [] });
    a.settings.http.allowedPrivateHosts.push('127.0.0.1');
    a.languages.push('zh');
    const b = flowDocumentSchema.parse({ id: 'b', name: 'B', nodes: [] });
    expect(b.settings.http.allowedPrivateHosts).toEqual([]);
    expect(b.languages).toEqual(['en']);
  });

  it('refuses ids and variable names that cannot be used in states and expressions', () => {
    const result = flowDocumentSchema.safeParse({
      id: 'f',
      name: 'F',
      nodes: [{ id: 'has space', type: 'start' }],
      variables: [{ name: 'channel' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['nodes.0.id', 'variables.0.name']));
  });

  it('exports a JSON Schema describing nodes, edges and variables', () => {
    const schema = flowJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['nodes', 'edges', 'variables', 'intents', 'languages', 'settings']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'nodes']));
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('localised text', () => {
  it('falls back from region to language to the flow default', () => {
    const text = { en: 'Hello', zh: '你好' };
    expect(pickLocale(text, 'zh-CN', 'en')).toBe('你好');
    expect(pickLocale(text, 'fr', 'en')).toBe('Hello');
    expect(pickLocale('Same everywhere', 'zh', 'en')).toBe('Same everywhere');
  });
});
