/** Deeper inputs are refused: a flow document nests about ten levels, and walking far deeper overflows the stack. */
export const MAX_INPUT_DEPTH = 64;

// Half of a UTF-16 surrogate pair with no other half.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Why a request's raw input cannot be taken whatever the procedure, or null: nesting past MAX_INPUT_DEPTH,
 * or a string (value or key) holding a NUL or a lone surrogate, which PostgreSQL refuses to store
 * (SQLite would take them; both stores answer the same). The reason names where, as `event.text`.
 */
export function unstorableInput(input: unknown): string | null {
  // Iterative, so the check itself cannot overflow the stack.
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path, depth } = item;
    const where = path === '' ? 'the input' : path;
    if (typeof value === 'string') {
      if (unstorable(value)) {
        return `${where}: contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored`;
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return `${where}: nested more than ${MAX_INPUT_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        pending.push({ value: element, path: join(path, index), depth: depth + 1 });
      });
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      if (unstorable(key)) {
        return `${where}: has a key with a NUL character or an unpaired UTF-16 surrogate, which cannot be stored`;
      }
      pending.push({ value: element, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}
