import { describe, expect, it } from 'vitest';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password-hash.ts';

const password = 'correct horse battery staple';

function replacePart(stored: string, index: number, value: string): string {
  const parts = stored.split('$');
  parts[index] = value;
  return parts.join('$');
}

/** Changes one character of a base64url field, keeping it decodable. */
function flipChar(field: string): string {
  const first = field[0] === 'A' ? 'B' : 'A';
  return first + field.slice(1);
}

describe('password hashes', () => {
  it('store scrypt, its parameters, a salt and the hash', async () => {
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
  });

  it('verify the password they were made from and nothing else', async () => {
    const stored = await hashPassword(password);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword(`${password} `, stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('use a new salt every time, so equal passwords do not have equal hashes', async () => {
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(password, b)).toBe(true);
  });

  it('detect tampering with the hash, the salt or the parameters', async () => {
    const stored = await hashPassword(password);
    const parts = stored.split('$');
    const tampered = [
      replacePart(stored, 5, flipChar(parts[5] ?? '')),
      replacePart(stored, 4, flipChar(parts[4] ?? '')),
      replacePart(stored, 1, '16384'),
      replacePart(stored, 2, '4'),
      replacePart(stored, 3, '2'),
    ];
    for (const hash of tampered) expect(await verifyPassword(password, hash), hash).toBe(false);
  });

  it('reject malformed or absurdly expensive hashes without trying them', async () => {
    const stored = await hashPassword(password);
    const malformed = [
      '',
      'plaintext',
      stored.replace('scrypt', 'bcrypt'),
      replacePart(stored, 1, '1000'), // not a power of two
      replacePart(stored, 1, String(2 ** 24)), // would need gigabytes
      replacePart(stored, 4, 'c2hvcnQ'), // salt too short
      `${stored}$extra`,
    ];
    for (const hash of malformed) expect(await verifyPassword(password, hash), hash).toBe(false);
  });

  it('treat the same password in another Unicode normal form as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait please');
    expect(await verifyPassword('cafe\u0301 au lait please', stored)).toBe(true);
  });

  it('say when a stored hash uses older parameters', async () => {
    expect(passwordNeedsRehash(await hashPassword(password))).toBe(false);
    expect(
      passwordNeedsRehash(
        'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBe(true);
  });
});
