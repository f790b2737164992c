/** Words that read better in a fixed spelling than capitalised, when a label is made from a key. */
export const keyWordSpellings: Readonly<Record<string, string>> = {
  url: 'URL',
  id: 'ID',
  http: 'HTTP',
  json: 'JSON',
  api: 'API',
  ms: '(ms)',
};

/** A readable label from a config key: `errorVariable` -> "Error variable", `timeoutMs` -> "Timeout (ms)". */
export function labelFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  if (words.length === 0) return key;
  return words
    .map((word, index) => {
      const fixed = keyWordSpellings[word];
      if (fixed !== undefined) return fixed;
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}
