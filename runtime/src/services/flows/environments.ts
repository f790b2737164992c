/** Every flow has these; other names matching `environmentSchema` may be deployed to as well. */
export const standardEnvironments = ['development', 'staging', 'production'] as const;

/** The standard environments first, then any others in name order. */
export function orderEnvironments(names: Iterable<string>): string[] {
  const standard: readonly string[] = standardEnvironments;
  const custom = [...new Set(names)].filter((name) => !standard.includes(name)).sort();
  return [...standard, ...custom];
}
