import '../i18n/english-for-tests.ts';
import { nodeDefinitions, nodeKinds } from '@parley/nodes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultValue } from './default-value.ts';
import { labelFromKey } from './field-label.ts';
import { buildFieldModel, type FieldModel } from './schema-fields.ts';

function kinds(field: FieldModel): string[] {
  switch (field.kind) {
    case 'object':
      return [field.kind, ...field.properties.flatMap((p) => kinds(p.field))];
    case 'list':
      return [field.kind, ...kinds(field.item)];
    case 'union':
      return [field.kind, ...field.variants.flatMap((v) => v.properties.flatMap((p) => kinds(p.field)))];
    default:
      return [field.kind];
  }
}

describe('schema to field model', () => {
  it.each(nodeKinds)('gives every field of the %s node a dedicated editor', (kind) => {
    const model = buildFieldModel(nodeDefinitions[kind].configSchema);
    expect(model.kind).toBe('object');
    expect(kinds(model)).not.toContain('json');
  });

  it('reads widget hints from .meta(), also through optional and default wrappers', () => {
    const model = buildFieldModel(nodeDefinitions['http-request'].configSchema);
    if (model.kind !== 'object') throw new Error('expected an object');
    const byKey = Object.fromEntries(model.properties.map((p) => [p.key, p]));
    expect(byKey.url).toMatchObject({ required: true, field: { kind: 'code', widget: 'template' } });
    expect(byKey.body).toMatchObject({ required: false, field: { kind: 'code', widget: 'json-template' } });
    expect(byKey.errorVariable).toMatchObject({ required: false, field: { kind: 'variable' } });
    expect(byKey.method).toMatchObject({ required: false, field: { kind: 'enum', default: 'GET' } });
    expect(byKey.timeoutMs).toMatchObject({ field: { kind: 'number', integer: true, minimum: 100 } });
  });

  it('finds the discriminator of a union of objects', () => {
    const model = buildFieldModel(nodeDefinitions.message.configSchema);
    if (model.kind !== 'object') throw new Error('expected an object');
    const item = model.properties[0]?.field;
    expect(item).toMatchObject({ kind: 'list', item: { kind: 'union', discriminator: 'type' } });
  });

  it('cuts recursion off to a JSON editor instead of looping', () => {
    type Tree = { name: string; children: Tree[] };
    const tree: z.ZodType<Tree> = z.object({
      name: z.string(),
      get children() {
        return z.array(tree);
      },
    });
    const model = buildFieldModel(z.object({ root: tree }));
    expect(kinds(model)).toEqual(['object', 'object', 'string', 'list', 'json']);
  });

  it('treats a nullable string as a string and literal unions as enums', () => {
    const model = buildFieldModel(
      z.object({ a: z.string().nullable(), b: z.union([z.literal('x'), z.literal(2)]) }),
    );
    expect(model).toMatchObject({
      properties: [
        { key: 'a', field: { kind: 'string', nullable: true } },
        { key: 'b', field: { kind: 'enum', options: ['x', 2] } },
      ],
    });
  });

  it('builds new values that the schema accepts where it can', () => {
    expect(defaultValue(buildFieldModel(nodeDefinitions['set-variable'].configSchema))).toEqual({
      assignments: [{ variable: '', expression: '' }],
    });
    expect(defaultValue(buildFieldModel(nodeDefinitions.end.configSchema))).toEqual({});
    expect(defaultValue(buildFieldModel(z.object({ n: z.number().min(3), on: z.boolean() })))).toEqual({
      n: 3,
      on: false,
    });
  });
});

describe('labels from keys', () => {
  it.each([
    ['errorVariable', 'Error variable'],
    ['timeoutMs', 'Timeout (ms)'],
    ['url', 'URL'],
    ['noInputPrompt', 'No input prompt'],
    ['max_attempts', 'Max attempts'],
    ['HTTPStatus', 'HTTP status'],
  ])('%s -> %s', (key, label) => {
    expect(labelFromKey(key)).toBe(label);
  });
});
