import type { Scalar, UnionVariant } from './schema-fields.ts';

export type PlainObject = Record<string, unknown>;

export function asObject(value: unknown): PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PlainObject) : {};
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Sets `key`, or removes it for `undefined` so an optional field left empty disappears from the config. */
export function withKey(object: PlainObject, key: string, next: unknown): PlainObject {
  if (next !== undefined) return { ...object, [key]: next };
  const { [key]: _removed, ...rest } = object;
  return rest;
}

export function variantOf(
  variants: readonly UnionVariant[],
  discriminator: string,
  value: unknown,
): UnionVariant | undefined {
  const tag = asObject(value)[discriminator];
  return variants.find((variant) => variant.tag === tag);
}

export function scalarText(value: Scalar): string {
  return value === null ? 'null' : String(value);
}

/** An emptied text: an optional key is removed, a required one stays as the empty string for validation to flag. */
export function textOrCleared(text: string, required: boolean): string | undefined {
  return text === '' && !required ? undefined : text;
}

export function defaultHint(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'object') return undefined;
  return String(value);
}
