import '../i18n/english-for-tests.ts';
import { nodeDefinitions } from '@parley/nodes';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { flowLevelSchema } from '../flow-settings/flow-level-schema.ts';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { labelFromKey } from './field-label.ts';
import { labels } from './labels.ts';
import { buildFieldModel, type FieldModel, type Scalar } from './schema-fields.ts';

/** The flow-level form's schema, as the flow settings panel builds it. */

/** Every form the inspector builds: one per registered node kind, and the flow's own settings. */
const forms: [string, z.ZodType][] = [
  ...Object.entries(nodeDefinitions).map(([kind, definition]): [string, z.ZodType] => [
    kind,
    definition.configSchema,
  ]),
  ['flow settings', flowLevelSchema],
];

type Found = { keys: Set<string>; options: Map<string, Set<Scalar>> };

/** Collects field keys and option values the way the editors look them up (list items use the list's key). */
function walk(field: FieldModel, key: string | undefined, found: Found) {
  const option = (field: string | undefined, value: Scalar) => {
    if (field === undefined) return;
    found.options.set(field, (found.options.get(field) ?? new Set()).add(value));
  };
  switch (field.kind) {
    case 'object':
      for (const property of field.properties) {
        found.keys.add(property.key);
        walk(property.field, property.key, found);
      }
      return;
    case 'list':
      walk(field.item, key, found);
      return;
    case 'union':
      found.keys.add(field.discriminator);
      for (const variant of field.variants) {
        option(field.discriminator, variant.tag);
        for (const property of variant.properties) {
          found.keys.add(property.key);
          walk(property.field, property.key, found);
        }
      }
      return;
    case 'enum':
      for (const value of field.options) option(key, value);
      return;
    default:
      return;
  }
}

function collect(schema: z.ZodType): Found {
  const found: Found = { keys: new Set(), options: new Map() };
  walk(buildFieldModel(schema), undefined, found);
  return found;
}

/** Words get a translation; technical values written in capitals (GET, POST) are shown as they are. */
function isWord(value: Scalar): value is string {
  return typeof value === 'string' && /[a-z]/.test(value);
}

type Messages = typeof en.inspector | typeof zh.inspector;
const fieldsOf = (messages: Messages): Record<string, string | undefined> => messages.fields;
const optionsOf = (messages: Messages): Record<string, Record<string, string | undefined> | undefined> =>
  messages.options;

describe.each(forms)('the %s form is translated', (_name, schema) => {
  const found = collect(schema);

  it('has a label for every field key in English and Chinese', () => {
    const missing = [...found.keys].flatMap((key) => [
      ...(fieldsOf(en.inspector)[key] === undefined ? [`en: inspector.fields.${key}`] : []),
      ...(fieldsOf(zh.inspector)[key] === undefined ? [`zh: inspector.fields.${key}`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('keeps the English labels the keys already gave', () => {
    for (const key of found.keys) expect(fieldsOf(en.inspector)[key], key).toBe(labelFromKey(key));
  });

  it('has a text for every word-like option in English and Chinese', () => {
    const missing = [...found.options].flatMap(([field, values]) =>
      [...values]
        .filter(isWord)
        .flatMap((value) => [
          ...(optionsOf(en.inspector)[field]?.[value] === undefined
            ? [`en: inspector.options.${field}.${value}`]
            : []),
          ...(optionsOf(zh.inspector)[field]?.[value] === undefined
            ? [`zh: inspector.options.${field}.${value}`]
            : []),
        ]),
    );
    expect(missing).toEqual([]);
  });

  it('shows English options as their values, so the English form reads as before', () => {
    for (const [field, values] of found.options) {
      for (const value of [...values].filter(isWord)) {
        expect(optionsOf(en.inspector)[field]?.[value], `${field}.${value}`).toBe(value);
      }
    }
  });
});

describe('the field and option translations', () => {
  const all: Found = { keys: new Set(), options: new Map() };
  for (const [, schema] of forms) {
    const found = collect(schema);
    for (const key of found.keys) all.keys.add(key);
    for (const [field, values] of found.options) {
      all.options.set(field, new Set([...(all.options.get(field) ?? []), ...values]));
    }
  }

  it('walks the forms deeply enough to find nested keys and options', () => {
    for (const key of ['prompt', 'inputType', 'mediaType', 'expression', 'sensitive', 'idleTimeoutMinutes']) {
      expect(all.keys, key).toContain(key);
    }
    expect(all.options.get('inputType')).toContain('regex');
    expect(all.options.get('status')).toContain('escalated');
    expect(all.options.get('method')).toContain('GET');
  });

  it('has no entries that no form uses', () => {
    expect(Object.keys(en.inspector.fields).filter((key) => !all.keys.has(key))).toEqual([]);
    const unused = Object.entries(en.inspector.options).flatMap(([field, values]) =>
      Object.keys(values)
        .filter((value) => !all.options.get(field)?.has(value))
        .map((value) => `${field}.${value}`),
    );
    expect(unused).toEqual([]);
  });
});

describe('labels.field and labels.option', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('read the current UI language', async () => {
    expect(labels.field('timeoutMs')).toBe('Timeout (ms)');
    expect(labels.option('inputType', 'email')).toBe('email');
    await i18next.changeLanguage('zh');
    expect(labels.field('timeoutMs')).toBe('超时（毫秒）');
    expect(labels.option('inputType', 'email')).toBe('邮箱');
    expect(labels.option('status', 'escalated')).toBe('已转人工');
  });

  it('fall back to the key made readable and to the raw value', async () => {
    await i18next.changeLanguage('zh');
    expect(labels.field('retryDelayMs')).toBe('Retry delay (ms)');
    expect(labels.field('weird.key')).toBe('Weird.key');
    expect(labels.option('method', 'GET')).toBe('GET');
    expect(labels.option('inputType', 'fax')).toBe('fax');
    expect(labels.option(undefined, 'text')).toBe('text');
    expect(labels.option('inputType', 3)).toBe('3');
    expect(labels.option('inputType', null)).toBe('null');
  });
});
