import type { z } from 'zod';
import { type FieldPath, pathKey } from './field-path.ts';
import type { FieldModel } from './schema-fields.ts';
import { asList, asObject, variantOf } from './value-shape.ts';

export type PlacedIssues = {
  /** Messages by the path key of the field that shows them. */
  byField: ReadonlyMap<string, readonly string[]>;
  /** Issues no field on the form owns, e.g. a whole-config refinement; shown in a summary. */
  unplaced: readonly { path: string; message: string }[];
};

export function validate(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

/**
 * An issue belongs to the deepest field on the form that contains it, so an issue inside a value the
 * form edits as one piece (a localised text's record, a JSON field) still lands next to that piece.
 */
export function placeIssues(issues: readonly z.core.$ZodIssue[], fields: ReadonlySet<string>): PlacedIssues {
  const byField = new Map<string, string[]>();
  const unplaced: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const owner = owningField(issue.path, fields);
    if (owner === undefined) {
      unplaced.push({ path: pathKey(issue.path), message: issue.message });
      continue;
    }
    byField.set(owner, [...(byField.get(owner) ?? []), issue.message]);
  }
  return { byField, unplaced };
}

function owningField(path: readonly PropertyKey[], fields: ReadonlySet<string>): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const key = pathKey(path.slice(0, length));
    if (fields.has(key)) return key;
  }
  return undefined;
}

/** Path keys of every field the form renders for `value`; mirrors what the editors draw. */
export function renderedFields(model: FieldModel, value: unknown, path: FieldPath = []): Set<string> {
  const keys = new Set<string>();
  collect(model, value, path, keys);
  keys.delete('');
  return keys;
}

function collect(model: FieldModel, value: unknown, path: FieldPath, keys: Set<string>): void {
  keys.add(pathKey(path));
  switch (model.kind) {
    case 'object': {
      const object = asObject(value);
      for (const property of model.properties) {
        collect(property.field, object[property.key], [...path, property.key], keys);
      }
      return;
    }
    case 'list':
      asList(value).forEach((item, index) => {
        collect(model.item, item, [...path, index], keys);
      });
      return;
    case 'union': {
      keys.add(pathKey([...path, model.discriminator]));
      const variant = variantOf(model.variants, model.discriminator, value);
      const object = asObject(value);
      for (const property of variant?.properties ?? []) {
        collect(property.field, object[property.key], [...path, property.key], keys);
      }
      return;
    }
    default:
      return;
  }
}
