import { newId } from '../clock.ts';

/*
 * A key reads `pk_<id>_<secret>`: the id finds the row, the secret proves possession. Ids are
 * `key_` + 32 hex digits and secrets 43 base64url characters, which may themselves contain `_`,
 * so the key is taken apart by position, not by splitting on `_`.
 */
const keyPattern = /^pk_(key_[0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newApiKeyId(): string {
  return newId('key');
}

export function formatApiKey(id: string, secret: string): string {
  return `pk_${id}_${secret}`;
}

/** What lists show: enough to tell keys apart and match one in a config file, nothing of the secret. */
export function apiKeyDisplayPrefix(id: string): string {
  return `pk_${id}`;
}

export function parseApiKey(key: string): { id: string; secret: string } | null {
  const match = typeof key === 'string' ? keyPattern.exec(key) : null;
  if (!match?.[1] || !match[2]) return null;
  return { id: match[1], secret: match[2] };
}
