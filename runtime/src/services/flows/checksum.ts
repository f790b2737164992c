import { createHash } from 'node:crypto';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/**
 * JSON with the keys of every object sorted. PostgreSQL's jsonb does not keep key order, so only a
 * canonical text lets a document read back from either store hash the same as when it was written.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The sha256 (hex) of a flow's canonical JSON: equal for equal flows, whatever their key order. */
export function flowChecksum(flow: unknown): string {
  return createHash('sha256').update(canonicalJson(flow)).digest('hex');
}
