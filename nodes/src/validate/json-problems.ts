export type JsonProblem = { path: string[]; problem: string };

/** Paths are linked to their parent, so a deep document is not copied once per level. */
type PathLink = { key: string; parent: PathLink | undefined } | undefined;
type Frame = { value: unknown; at: PathLink; depth: number; leaving?: boolean };

/** Deeper than any flow needs, shallow enough that parsers recursing over it keep their stack. */
export const MAX_DEPTH = 200;

function pathOf(link: PathLink): string[] {
  const path: string[] = [];
  for (let at = link; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

function describeNonJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'function':
      return 'is a function, which JSON cannot hold';
    case 'symbol':
      return 'is a symbol, which JSON cannot hold';
    case 'bigint':
      return 'is a bigint; write the number as a plain JSON number';
    case 'number':
      return Number.isFinite(value) ? undefined : `is ${value}, which JSON cannot hold`;
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return undefined;
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      return `is a ${name}, not a plain JSON object`;
    }
    default:
      return undefined;
  }
}

/**
 * Where a value stops being plain JSON: circular references, functions, bigints, non-finite numbers,
 * class instances, absurd nesting. Flows are stored as JSON, so such a value would be lost or crash on save.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function jsonProblems(root: unknown, limit = 20): JsonProblem[] {
  const problems: JsonProblem[] = [];
  // Only ancestors make a cycle: the same object twice side by side is repetition, not a loop.
  const ancestors = new Set<object>();
  const stack: Frame[] = [{ value: root, at: undefined, depth: 0 }];
  while (stack.length > 0 && problems.length < limit) {
    const frame = stack.pop() as Frame;
    const { value, at, depth } = frame;
    if (frame.leaving) {
      ancestors.delete(value as object);
      continue;
    }
    const problem = describeNonJson(value);
    if (problem) {
      problems.push({ path: pathOf(at), problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (ancestors.has(value)) {
      problems.push({
        path: pathOf(at),
        problem: 'refers back to one of its own parents (a circular reference)',
      });
      continue;
    }
    if (depth >= MAX_DEPTH) {
      problems.push({ path: pathOf(at), problem: `is nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    ancestors.add(value);
    stack.push({ value, at, depth, leaving: true });
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as readonly [string, unknown];
      stack.push({ value: child, at: { key, parent: at }, depth: depth + 1 });
    }
  }
  return problems;
}
