import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import type { Principal } from '../principal.ts';
import type { AuthService } from './auth-service.ts';
import { auditActions, auditText, openAuth } from './testing/auth-test-kit.ts';

const admin: Principal = { type: 'user', id: 'usr_admin', role: 'admin', name: 'Admin' };
const webChat = { name: 'website chat', scopes: { flowIds: ['flow_orders'], environments: ['production'] } };

describe.each(testDatabases)('API keys on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    handle = await open();
    ({ auth } = openAuth(handle.database));
  });
  afterAll(() => handle.drop());

  const keyRows = () => handle.database.db.select().from(handle.database.tables.apiKeys);

  it('shows a new key once and stores only its hash', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, webChat);
    expect(key).toMatch(/^pk_key_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`pk_${apiKey.id}_`)).toBe(true);
    const secret = key.slice(`pk_${apiKey.id}_`.length);
    expect(apiKey).toEqual({
      id: expect.stringMatching(/^key_/),
      name: 'website chat',
      prefix: `pk_${apiKey.id}`,
      scopes: webChat.scopes,
      createdBy: admin.id,
      createdAt: expect.any(Number),
      revokedAt: null,
    });

    const [row] = (await keyRows()).filter((r) => r.id === apiKey.id);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row?.keyHash).toBe(createHash('sha256').update(secret).digest('hex'));

    const listed = await auth.listApiKeys();
    expect(listed.find((k) => k.id === apiKey.id)).toEqual(apiKey);
    expect(JSON.stringify(listed)).not.toContain(secret);
    for (const listedKey of listed) expect(listedKey).not.toHaveProperty('keyHash');
  });

  it('authenticates a key as an api-key principal with its scopes', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, webChat);
    expect(await auth.authenticateApiKey(key)).toEqual({
      type: 'api-key',
      id: apiKey.id,
      scopes: webChat.scopes,
    });
  });

  it('refuses wrong, unknown and malformed keys', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, webChat);
    const secret = key.slice(`pk_${apiKey.id}_`.length);
    const wrongSecret = `pk_${apiKey.id}_${secret[0] === 'A' ? 'B' : 'A'}${secret.slice(1)}`;
    const unknownId = `pk_key_${'0'.repeat(32)}_${secret}`;
    for (const candidate of [
      wrongSecret,
      unknownId,
      '',
      'pk_',
      key.slice(0, -1),
      `${key}A`,
      `Bearer ${key}`,
      apiKey.id,
    ]) {
      expect(await auth.authenticateApiKey(candidate), candidate).toBeNull();
    }
  });

  it('revokes a key: it stops working at once; revoking again records nothing', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, webChat);
    const revoked = await auth.revokeApiKey(admin, { id: apiKey.id });
    expect(revoked.revokedAt).toEqual(expect.any(Number));
    expect(await auth.authenticateApiKey(key)).toBeNull();
    expect((await auth.listApiKeys()).find((k) => k.id === apiKey.id)?.revokedAt).toBe(revoked.revokedAt);
    await auth.revokeApiKey(admin, { id: apiKey.id });
    expect(await auditActions(handle.database, apiKey.id)).toEqual(['apiKeys.create', 'apiKeys.revoke']);
    await expect(auth.revokeApiKey(admin, { id: 'key_missing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'there is no API key with id key_missing',
    });
  });

  it('refuses scopes that allow nothing or are not lists, naming the field', async () => {
    const before = (await keyRows()).length;
    await expect(
      auth.createApiKey(admin, { name: 'empty', scopes: { flowIds: [], environments: '*' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: "scopes.flowIds: list at least one flow id, or use '*' for all",
    });
    await expect(
      auth.createApiKey(admin, { name: 'x', scopes: { flowIds: '*', environments: 'all' as '*' } }),
    ).rejects.toThrow("scopes.environments: must be '*' or a list of environments");
    await expect(
      auth.createApiKey(admin, { name: ' ', scopes: { flowIds: '*', environments: '*' } }),
    ).rejects.toThrow(/^name: a name is required/);
    expect((await keyRows()).length).toBe(before);
  });

  it('records creation and revocation without the key or its hash', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, {
      name: 'voice',
      scopes: { flowIds: '*', environments: '*' },
    });
    await auth.revokeApiKey(admin, { id: apiKey.id });
    const text = await auditText(handle.database);
    const secret = key.slice(`pk_${apiKey.id}_`.length);
    expect(text).not.toContain(secret);
    for (const row of await keyRows()) expect(text).not.toContain(row.keyHash);
  });
});
