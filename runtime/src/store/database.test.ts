import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from './database.ts';
import { type TestDatabase, testDatabases } from './testing/test-databases.ts';

describe.each(testDatabases)('database on $dialect', ({ open }) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.drop());

  const user = (id: string, email: string) => ({
    id,
    email,
    name: id,
    role: 'admin' as const,
    passwordHash: 'x',
    createdAt: Date.now(),
  });

  it('is migrated on open and stores JSON and times as values', async () => {
    const { db, tables, transaction } = handle.database;
    await transaction(async (tx) => {
      await tx.insert(tables.users).values(user('u1', 'a@example.com'));
      await tx.insert(tables.apiKeys).values({
        id: 'k1',
        name: 'web',
        prefix: 'pk_1',
        keyHash: 'h',
        scopes: { flowIds: ['f1'], environments: '*' },
        createdBy: 'u1',
        createdAt: 1_700_000_000_123,
      });
    });
    const [key] = await db.select().from(tables.apiKeys).where(eq(tables.apiKeys.id, 'k1'));
    expect(key?.scopes).toEqual({ flowIds: ['f1'], environments: '*' });
    expect(key?.createdAt).toBe(1_700_000_000_123);
  });

  it('commits a transaction as a whole or not at all', async () => {
    const { db, tables, transaction } = handle.database;
    await expect(
      transaction(async (tx) => {
        await tx.insert(tables.users).values(user('u2', 'b@example.com'));
        throw new Error('crash mid-turn');
      }),
    ).rejects.toThrow('crash mid-turn');
    expect(await db.select().from(tables.users).where(eq(tables.users.id, 'u2'))).toEqual([]);
    await transaction(async (tx) => {
      await tx.insert(tables.users).values(user('u3', 'c@example.com'));
    });
    expect(await db.select().from(tables.users).where(eq(tables.users.id, 'u3'))).toHaveLength(1);
  });

  it('reports unique violations the same way in both dialects', async () => {
    const { tables, transaction } = handle.database;
    const error = await transaction(async (tx) => {
      await tx.insert(tables.users).values(user('u4', 'a@example.com'));
    })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('shows reads outside a transaction only committed data', async () => {
    const { db, tables, transaction } = handle.database;
    let release = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = transaction(async (tx) => {
      await tx.insert(tables.users).values(user('u5', 'e@example.com'));
      await paused;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.select().from(tables.users).where(eq(tables.users.id, 'u5'))).toEqual([]);
    release();
    await writing;
    expect(await db.select().from(tables.users).where(eq(tables.users.id, 'u5'))).toHaveLength(1);
  });
});
