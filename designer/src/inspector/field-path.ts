/** Where a field sits in the config, as zod reports issue paths. */
export type FieldPath = readonly (string | number)[];

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
