/** Where a field sits in the config, as zod reports issue paths. */
export type FieldPath = readonly (string | number)[];

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The config key a field is stored under, skipping list positions: `['choices', 0, 'label']` -> `label`. */
export function fieldKey(path: FieldPath): string | undefined {
  return path.findLast((part): part is string => typeof part === 'string');
}
