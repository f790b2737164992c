/** `node "ask1" (ask)`: how every message names a node, so authors can search for it. */
export function nodeLabel(id: string, kind: string): string {
  return `node "${id}" (${kind})`;
}

/** `"a", "b" and 3 more`: names listed in a message, capped so huge flows keep readable messages. */
export function quoteList(names: readonly string[], max = 10): string {
  const quoted = names.slice(0, max).map((name) => `"${name}"`);
  if (names.length > max) quoted.push(`${names.length - max} more`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
