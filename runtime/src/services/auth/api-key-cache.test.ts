import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import type { Principal } from '../principal.ts';
import { ApiKeyCache } from './api-key-cache.ts';
import type { AuthService } from './auth-service.ts';
import { createAuthService } from './auth-service.ts';
import { manualClock, openAuth } from './testing/auth-test-kit.ts';

const admin: Principal = { type: 'user', id: 'usr_admin', role: 'admin', name: 'Admin' };
const scopes = { flowIds: ['flow_orders'], environments: ['production'] };

/** Counts the database reads `authenticateApiKey` makes, by watching the select on the reader. */
function countingReads(handle: TestDatabase) {
  const counter = { reads: 0 };
  const { database } = handle;
  const db = new Proxy(database.db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'select') counter.reads += 1;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database: { ...database, db }, counter };
}

describe.each(testDatabases)('authenticating API keys with the cache on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    handle = await open();
    ({ auth } = openAuth(handle.database));
  });
  afterAll(() => handle.drop());

  it('reads a key from the store once, then from memory', async () => {
    const { database, counter } = countingReads(handle);
    const clock = manualClock();
    const cached = createAuthService({ database, clock });
    const { key, apiKey } = await cached.createApiKey(admin, { name: 'web', scopes });
    const before = counter.reads;
    for (let i = 0; i < 5; i++) {
      expect(await cached.authenticateApiKey(key)).toEqual({ type: 'api-key', id: apiKey.id, scopes });
    }
    expect(counter.reads - before).toBe(1);
    // A wrong secret for a cached key id is not let through by the cache.
    const wrong = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    expect(await cached.authenticateApiKey(wrong)).toBeNull();
  });

  it('refuses a key revoked here from the very next request, though it was just cached', async () => {
    const { key, apiKey } = await auth.createApiKey(admin, { name: 'web', scopes });
    expect(await auth.authenticateApiKey(key)).not.toBeNull();
    await auth.revokeApiKey(admin, { id: apiKey.id });
    expect(await auth.authenticateApiKey(key)).toBeNull();
  });

  it('refuses a key another instance revoked once the cached entry lapses, within 2 seconds', async () => {
    const clock = manualClock();
    const here = createAuthService({ database: handle.database, clock });
    const elsewhere = createAuthService({ database: handle.database, clock });
    const { key, apiKey } = await here.createApiKey(admin, { name: 'web', scopes });
    expect(await here.authenticateApiKey(key)).not.toBeNull();
    await elsewhere.revokeApiKey(admin, { id: apiKey.id });
    clock.advance(2000);
    expect(await here.authenticateApiKey(key)).toBeNull();
  });
});

describe('ApiKeyCache', () => {
  const principal: Principal = { type: 'api-key', id: 'key_1', scopes: { flowIds: '*', environments: '*' } };

  it('does not keep what a check read before the key was revoked', () => {
    const cache = new ApiKeyCache();
    const epoch = cache.epoch;
    // The check read the key (not yet revoked); the revocation commits and forgets; the check finishes.
    cache.forget('key_1');
    cache.remember('hash', 'key_1', principal, 0, epoch);
    expect(cache.recall('hash', 'key_1', 1)).toBeNull();
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const cache = new ApiKeyCache(2);
    for (const hash of ['a', 'b', 'c']) cache.remember(hash, 'key_1', principal, 0, cache.epoch);
    expect(cache.size).toBe(2);
    expect(cache.recall('a', 'key_1', 1)).toBeNull();
    expect(cache.recall('c', 'key_1', 1)).toEqual(principal);
  });

  it('answers only for the key id it was given with the hash', () => {
    const cache = new ApiKeyCache();
    cache.remember('hash', 'key_1', principal, 0, cache.epoch);
    expect(cache.recall('hash', 'key_2', 1)).toBeNull();
  });
});
