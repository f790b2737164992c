import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { systemPrincipal } from '../principal.ts';
import type { AuthService } from './auth-service.ts';
import { auditActions, auditText, type manualClock, openAuth } from './testing/auth-test-kit.ts';

const password = 'a long enough secret';
const hour = 60 * 60 * 1000;

describe.each(testDatabases)('sessions on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let auth: AuthService;
  let clock: ReturnType<typeof manualClock>;
  let userId: string;

  beforeAll(async () => {
    handle = await open();
    ({ auth, clock } = openAuth(handle.database));
    const user = await auth.createUser(systemPrincipal, {
      email: 'ada@example.com',
      name: 'Ada',
      role: 'operator',
      password,
    });
    userId = user.id;
  });
  afterAll(() => handle.drop());

  const sessionRows = () => handle.database.db.select().from(handle.database.tables.sessions);

  it('signs in with the right password and the token identifies the user', async () => {
    const result = await auth.signIn({ email: 'ADA@example.com', password });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.user).toEqual(
      expect.objectContaining({ id: userId, email: 'ada@example.com', role: 'operator' }),
    );
    expect(result.user).not.toHaveProperty('passwordHash');
    expect(result.expiresAt).toBe(clock.now() + 12 * hour);
    expect(await auth.authenticate(result.token)).toEqual({
      type: 'user',
      id: userId,
      role: 'operator',
      name: 'Ada',
    });
  });

  it('stores a session token only as its sha256 hash', async () => {
    const { token } = await auth.signIn({ email: 'ada@example.com', password });
    const rows = await sessionRows();
    expect(JSON.stringify(rows)).not.toContain(token);
    const sha256 = createHash('sha256').update(token).digest('hex');
    expect(rows.map((row) => row.tokenHash)).toContain(sha256);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrongPassword = await auth
      .signIn({ email: 'ada@example.com', password: 'not the password' })
      .catch((e) => e);
    const unknownEmail = await auth.signIn({ email: 'nobody@example.com', password }).catch((e) => e);
    const notAnEmail = await auth.signIn({ email: 'ada', password }).catch((e) => e);
    for (const error of [wrongPassword, unknownEmail, notAnEmail]) {
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: 'the email or password is not correct' });
    }
  });

  it('ends a session on sign-out; signing out again is harmless', async () => {
    const { token } = await auth.signIn({ email: 'ada@example.com', password });
    await auth.signOut(token);
    expect(await auth.authenticate(token)).toBeNull();
    await auth.signOut(token);
    await auth.signOut('not a token');
    const actions = await auditActions(handle.database, userId);
    expect(actions.filter((action) => action === 'auth.signOut')).toHaveLength(1);
  });

  it('expires sessions after twelve hours by default', async () => {
    const { token } = await auth.signIn({ email: 'ada@example.com', password });
    clock.advance(12 * hour - 1);
    expect(await auth.authenticate(token)).toMatchObject({ id: userId });
    clock.advance(1);
    expect(await auth.authenticate(token)).toBeNull();
    // The expired row is cleaned up when it is met.
    const tokenHash = createHash('sha256').update(token).digest('hex');
    expect((await sessionRows()).map((row) => row.tokenHash)).not.toContain(tokenHash);
  });

  it('expires sessions after the configured time', async () => {
    const short = openAuth(handle.database, 5 * 60 * 1000);
    const { token, expiresAt } = await short.auth.signIn({ email: 'ada@example.com', password });
    expect(expiresAt).toBe(short.clock.now() + 5 * 60 * 1000);
    short.clock.advance(5 * 60 * 1000);
    expect(await short.auth.authenticate(token)).toBeNull();
  });

  it('refuses tokens that were never issued or are malformed', async () => {
    const { token } = await auth.signIn({ email: 'ada@example.com', password });
    const other = token[0] === 'A' ? `B${token.slice(1)}` : `A${token.slice(1)}`;
    for (const candidate of [other, '', 'x', `${token}x`, token.slice(1), 42 as unknown as string]) {
      expect(await auth.authenticate(candidate)).toBeNull();
    }
  });

  it('records sign-in and sign-out without the token or its hash', async () => {
    const { token } = await auth.signIn({ email: 'ada@example.com', password });
    const tokenHash = createHash('sha256').update(token).digest('hex');
    await auth.signOut(token);
    const actions = await auditActions(handle.database, userId);
    expect(actions).toContain('auth.signIn');
    expect(actions).toContain('auth.signOut');
    const text = await auditText(handle.database);
    expect(text).not.toContain(token);
    expect(text).not.toContain(tokenHash);
    expect(text).not.toContain(password);
  });

  it('upgrades a password hash made with older parameters when its owner signs in', async () => {
    const { db, tables, transaction } = handle.database;
    const salt = randomBytes(16);
    const old = scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const oldHash = `scrypt$16384$8$1$${salt.toString('base64url')}$${old.toString('base64url')}`;
    await transaction((tx) =>
      tx.update(tables.users).set({ passwordHash: oldHash }).where(eq(tables.users.id, userId)),
    );
    await auth.signIn({ email: 'ada@example.com', password });
    const [user] = await db.select().from(tables.users).where(eq(tables.users.id, userId));
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(auth.signIn({ email: 'ada@example.com', password })).resolves.toBeTruthy();
  });
});
