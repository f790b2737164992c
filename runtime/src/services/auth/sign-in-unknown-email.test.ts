import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshSqlite, type TestDatabase } from '../../store/testing/test-databases.ts';
import { systemPrincipal } from '../principal.ts';
import * as passwordHash from './password-hash.ts';
import { openAuth } from './testing/auth-test-kit.ts';

// Count scrypt verifications without changing them: timing itself is never asserted in tests.
vi.mock('./password-hash.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password-hash.ts')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

describe('signing in with an unknown email', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await freshSqlite();
  });
  afterAll(() => handle.drop());

  it('still verifies a password against a dummy scrypt hash, so it costs what a wrong password costs', async () => {
    const { auth } = openAuth(handle.database);
    await auth.createUser(systemPrincipal, {
      email: 'ada@example.com',
      name: 'Ada',
      role: 'operator',
      password: 'a long enough secret',
    });
    const verify = vi.mocked(passwordHash.verifyPassword);
    verify.mockClear();
    await auth.signIn({ email: 'ada@example.com', password: 'not the password' }).catch(() => {});
    await auth.signIn({ email: 'nobody@example.com', password: 'not the password' }).catch(() => {});
    expect(verify).toHaveBeenCalledTimes(2);
    const [knownHash, dummyHash] = verify.mock.calls.map(([, hash]) => hash);
    expect(dummyHash).toMatch(/^scrypt\$/);
    expect(dummyHash).not.toBe(knownHash);
  });
});
