import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import type { AuthService } from './auth-service.ts';
import { runtimeMode } from './initial-users.ts';
import { auditText, openAuth } from './testing/auth-test-kit.ts';

describe.each(testDatabases)('initial users on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let auth: AuthService;

  // A fresh database per test: seeding only ever happens on an empty one.
  beforeEach(async () => {
    handle = await open();
    ({ auth } = openAuth(handle.database));
  });
  afterEach(() => handle.drop());

  it('creates demo users with random passwords in development, once', async () => {
    const created = await auth.ensureInitialUsers({ mode: 'development', env: {} });
    expect(created.map(({ email, role }) => [email, role])).toEqual([
      ['admin@parley.local', 'admin'],
      ['operator@parley.local', 'operator'],
      ['agent@parley.local', 'agent'],
    ]);
    const passwords = created.map((user) => user.password ?? '');
    expect(new Set(passwords).size).toBe(3);
    for (const user of created) {
      expect(user.password?.length).toBeGreaterThanOrEqual(12);
      await expect(auth.signIn({ email: user.email, password: user.password ?? '' })).resolves.toMatchObject({
        user: { role: user.role },
      });
    }
    expect(await auth.ensureInitialUsers({ mode: 'development', env: {} })).toEqual([]);
    expect(await auth.listUsers()).toHaveLength(3);
    const audit = await auditText(handle.database);
    for (const password of passwords) expect(audit).not.toContain(password);
  });

  it('uses PARLEY_DEMO_PASSWORD when set, and does not hand it back', async () => {
    const env = { PARLEY_DEMO_PASSWORD: 'demo demo demo' };
    const created = await auth.ensureInitialUsers({ mode: 'development', env });
    expect(created.map((user) => user.password)).toEqual([null, null, null]);
    await expect(
      auth.signIn({ email: 'agent@parley.local', password: 'demo demo demo' }),
    ).resolves.toBeTruthy();
  });

  it('refuses a PARLEY_DEMO_PASSWORD shorter than the minimum', async () => {
    await expect(
      auth.ensureInitialUsers({ mode: 'development', env: { PARLEY_DEMO_PASSWORD: 'demo' } }),
    ).rejects.toThrow('PARLEY_DEMO_PASSWORD: a password needs at least 12 characters');
    expect(await auth.listUsers()).toEqual([]);
  });

  it('refuses to start in production with no users and no admin configured', async () => {
    await expect(
      auth.ensureInitialUsers({ mode: 'production', env: { NODE_ENV: 'production' } }),
    ).rejects.toThrow(/no users and runs in production.*set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD/);
    await expect(
      auth.ensureInitialUsers({ mode: 'production', env: { PARLEY_ADMIN_EMAIL: 'ops@example.com' } }),
    ).rejects.toThrow(/PARLEY_ADMIN_PASSWORD/);
    expect(await auth.listUsers()).toEqual([]);
  });

  it('creates only the configured admin in production, never demo users', async () => {
    const env = { PARLEY_ADMIN_EMAIL: 'Ops@Example.com', PARLEY_ADMIN_PASSWORD: 'a strong admin password' };
    const created = await auth.ensureInitialUsers({ mode: 'production', env });
    expect(created).toEqual([
      { email: 'ops@example.com', name: 'Administrator', role: 'admin', password: null },
    ]);
    expect((await auth.listUsers()).map((user) => user.email)).toEqual(['ops@example.com']);
    await expect(
      auth.signIn({ email: 'ops@example.com', password: 'a strong admin password' }),
    ).resolves.toBeTruthy();
    // Once someone exists, production starts without the variables.
    expect(await auth.ensureInitialUsers({ mode: 'production', env: {} })).toEqual([]);
  });

  it('refuses a weak or malformed production admin, naming the variable', async () => {
    await expect(
      auth.ensureInitialUsers({
        mode: 'production',
        env: { PARLEY_ADMIN_EMAIL: 'ops@example.com', PARLEY_ADMIN_PASSWORD: 'short' },
      }),
    ).rejects.toThrow('PARLEY_ADMIN_PASSWORD: a password needs at least 12 characters');
    await expect(
      auth.ensureInitialUsers({
        mode: 'production',
        env: { PARLEY_ADMIN_EMAIL: 'ops', PARLEY_ADMIN_PASSWORD: 'long enough password' },
      }),
    ).rejects.toThrow(/^PARLEY_ADMIN_EMAIL: must be an email address/);
    expect(await auth.listUsers()).toEqual([]);
  });

  it('reads production from NODE_ENV', () => {
    expect(runtimeMode({ NODE_ENV: 'production' })).toBe('production');
    expect(runtimeMode({ NODE_ENV: 'development' })).toBe('development');
    expect(runtimeMode({})).toBe('development');
  });
});
