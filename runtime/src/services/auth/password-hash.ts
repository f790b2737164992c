import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes are `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised
 * later without breaking stored hashes: each hash is verified with the parameters it was made with.
 */
const current = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;

// A stored hash names its own cost; bounding it keeps a corrupted row from making us allocate gigabytes.
const limits = { maxN: 2 ** 20, maxR: 32, maxP: 16 };

type ScryptParams = { N: number; r: number; p: number };

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  // scrypt needs about 128 * N * r bytes; Node's default ceiling (32 MiB) is too tight for N = 2^15.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await derive(password, salt, keyLength, current);
  return [
    'scrypt',
    current.N,
    current.r,
    current.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

type ParsedHash = ScryptParams & { salt: Buffer; hash: Buffer };

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((part) => (/^[1-9]\d{0,7}$/.test(part) ? Number(part) : Number.NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > limits.maxN || !(r >= 1 && r <= limits.maxR) || !(p >= 1 && p <= limits.maxP))
    return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < saltLength || hash.length < 16) return null;
  return { N, r, p, salt, hash };
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when `stored` was made with other parameters than new hashes use, so it should be replaced. */
export function passwordNeedsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.N !== current.N ||
    parsed.r !== current.r ||
    parsed.p !== current.p ||
    parsed.hash.length !== keyLength
  );
}
