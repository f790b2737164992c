import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** `nodes.3.id`, the way an author finds the spot in the JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}

function receivedOf(message: string): string | undefined {
  return /received (\w+)/.exec(message)?.[1];
}

/** Zod's message, reworded where the default would leave an author guessing. */
export function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_type' && receivedOf(issue.message) === 'undefined') {
    return `is required (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // "Invalid input" alone does not say what would have been accepted: list each alternative's type.
    const firsts = issue.errors.map((branch) => branch[0]).filter((first) => first !== undefined);
    const expected = [
      ...new Set(
        firsts.flatMap((first) =>
          first.code === 'invalid_type' && first.path.length === 0 ? [first.expected] : [],
        ),
      ),
    ];
    const received = firsts.map((first) => receivedOf(first.message)).find((r) => r !== undefined);
    if (expected.length === firsts.length && expected.length > 0) {
      return `expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}`;
    }
  }
  return issue.message;
}

/** `path: message`, with `prefix` naming where the path starts (e.g. `data`). */
export function issueText(issue: Issue, prefix: readonly PropertyKey[] = []): string {
  const path = formatPath([...prefix, ...issue.path]);
  return `${path === '' ? 'the document' : path}: ${describeIssue(issue)}`;
}
