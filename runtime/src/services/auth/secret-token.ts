import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the form of session tokens and API key secrets (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * The stored form of a session token or API key secret. A plain sha256 is enough here, unlike for
 * passwords: the secret is 256 random bits, so there is nothing to guess from the hash, and a fast hash
 * keeps per-request authentication cheap (one-shot `hash`: a quarter of createHash's time).
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** Compares two hex digests in constant time (for equal lengths; different lengths are simply unequal). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
