import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyError } from '../../errors.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { type Principal, systemPrincipal } from '../principal.ts';
import type { AuthService } from './auth-service.ts';
import { auditActions, auditText, openAuth, storedHashes } from './testing/auth-test-kit.ts';

const password = 'a long enough secret';

describe.each(testDatabases)('users on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let auth: AuthService;
  let admin: Principal;

  beforeAll(async () => {
    handle = await open();
    ({ auth } = openAuth(handle.database));
    const root = await auth.createUser(systemPrincipal, {
      email: 'root@example.com',
      name: 'Root',
      role: 'admin',
      password,
    });
    admin = { type: 'user', id: root.id, role: 'admin', name: root.name };
  });
  afterAll(() => handle.drop());

  const auditCount = async () =>
    (await handle.database.db.select().from(handle.database.tables.auditLog)).length;

  it('creates a user, stores the email lower-cased and never returns the hash', async () => {
    const ada = await auth.createUser(admin, {
      email: ' Ada@Example.com ',
      name: 'Ada Lovelace',
      role: 'operator',
      password,
    });
    expect(ada).toEqual({
      id: expect.stringMatching(/^usr_/),
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'operator',
      createdAt: expect.any(Number),
      disabledAt: null,
    });
    const listed = await auth.listUsers();
    expect(listed.map((user) => user.email)).toContain('ada@example.com');
    for (const user of listed) expect(Object.keys(user)).not.toContain('passwordHash');
    expect(JSON.stringify(listed)).not.toMatch(/scrypt/);
    expect(await auditActions(handle.database, ada.id)).toEqual(['users.create']);
  });

  it('refuses a second user with the same email, in any case, naming the email', async () => {
    await auth.createUser(admin, { email: 'grace@example.com', name: 'Grace', role: 'agent', password });
    const before = await auditCount();
    const error = await auth
      .createUser(admin, { email: 'GRACE@example.com', name: 'Grace again', role: 'admin', password })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a user with the email grace@example.com already exists',
    });
    expect((await auth.listUsers()).filter((user) => user.email === 'grace@example.com')).toHaveLength(1);
    expect(await auditCount()).toBe(before);
  });

  it('refuses short passwords, bad emails and unknown roles with messages naming the field', async () => {
    await expect(
      auth.createUser(admin, {
        email: 'short@example.com',
        name: 'Short',
        role: 'agent',
        password: 'eleven char',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'password: a password needs at least 12 characters',
    });
    await expect(
      auth.createUser(admin, { email: 'nope', name: 'N', role: 'agent', password }),
    ).rejects.toThrow(/^email: must be an email address/);
    await expect(
      auth.createUser(admin, { email: 'r@example.com', name: 'R', role: 'root' as 'admin', password }),
    ).rejects.toThrow('role: must be one of admin, operator, agent');
    expect((await auth.listUsers()).map((user) => user.email)).not.toContain('short@example.com');
  });

  it('updates name and role and records what changed', async () => {
    const user = await auth.createUser(admin, {
      email: 'lin@example.com',
      name: 'Lin',
      role: 'agent',
      password,
    });
    const updated = await auth.updateUser(admin, { id: user.id, name: 'Lin Yu', role: 'operator' });
    expect(updated).toMatchObject({ name: 'Lin Yu', role: 'operator' });
    expect(await auth.getUser(user.id)).toMatchObject({ name: 'Lin Yu', role: 'operator' });
    const [record] = await handle.database.db
      .select()
      .from(handle.database.tables.auditLog)
      .where(eq(handle.database.tables.auditLog.action, 'users.update'));
    expect(record).toMatchObject({
      actorId: admin.id,
      targetId: user.id,
      details: { name: { from: 'Lin', to: 'Lin Yu' }, role: { from: 'agent', to: 'operator' } },
    });
    await expect(auth.updateUser(admin, { id: 'usr_missing', role: 'admin' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'there is no user with id usr_missing',
    });
  });

  it('never leaves Parley without an active admin', async () => {
    const before = await auditCount();
    await expect(auth.updateUser(admin, { id: admin.id, role: 'operator' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('last active admin'),
    });
    await expect(auth.disableUser(admin, { id: admin.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await auth.getUser(admin.id)).toMatchObject({ role: 'admin', disabledAt: null });
    expect(await auditCount()).toBe(before);
  });

  it('disables a user: they cannot sign in and their open sessions stop working', async () => {
    const user = await auth.createUser(admin, {
      email: 'mo@example.com',
      name: 'Mo',
      role: 'operator',
      password,
    });
    const { token } = await auth.signIn({ email: 'mo@example.com', password });
    expect(await auth.authenticate(token)).toMatchObject({ type: 'user', id: user.id });

    const disabled = await auth.disableUser(admin, { id: user.id });
    expect(disabled.disabledAt).toEqual(expect.any(Number));
    expect(await auth.authenticate(token)).toBeNull();
    await expect(auth.signIn({ email: 'mo@example.com', password })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'this account is disabled; ask an administrator',
    });
    // Disabling twice changes nothing and records nothing new.
    await auth.disableUser(admin, { id: user.id });
    expect(await auditActions(handle.database, user.id)).toEqual([
      'users.create',
      'auth.signIn',
      'users.disable',
    ]);
  });

  it('changes the own password only with the current one, and ends the other sessions', async () => {
    const user = await auth.createUser(admin, {
      email: 'kim@example.com',
      name: 'Kim',
      role: 'agent',
      password,
    });
    const self: Principal = { type: 'user', id: user.id, role: 'agent', name: 'Kim' };
    const laptop = await auth.signIn({ email: 'kim@example.com', password });
    const phone = await auth.signIn({ email: 'kim@example.com', password });
    const newPassword = 'an even longer secret';

    await expect(
      auth.changePassword(self, { currentPassword: 'not the password', newPassword }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'currentPassword: the current password is not correct',
    });
    await expect(
      auth.changePassword(self, { currentPassword: password, newPassword: 'too short' }),
    ).rejects.toThrow('newPassword: a password needs at least 12 characters');
    await expect(
      auth.changePassword(
        { type: 'api-key', id: 'key_x', scopes: { flowIds: '*', environments: '*' } },
        {
          currentPassword: password,
          newPassword,
        },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(auth.signIn({ email: 'kim@example.com', password })).resolves.toBeTruthy();

    await auth.changePassword(
      self,
      { currentPassword: password, newPassword },
      { keepSessionToken: laptop.token },
    );
    await expect(auth.signIn({ email: 'kim@example.com', password })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(auth.signIn({ email: 'kim@example.com', password: newPassword })).resolves.toMatchObject({
      user: { id: user.id },
    });
    expect(await auth.authenticate(laptop.token)).toMatchObject({ id: user.id });
    expect(await auth.authenticate(phone.token)).toBeNull();
    expect(await auditActions(handle.database, user.id)).toContain('users.changePassword');
  });

  it('keeps passwords and hashes out of the audit log', async () => {
    const text = await auditText(handle.database);
    expect(text).not.toContain(password);
    expect(text).not.toContain('an even longer secret');
    expect(text).not.toMatch(/scrypt/);
    for (const hash of await storedHashes(handle.database)) expect(text).not.toContain(hash);
  });
});
