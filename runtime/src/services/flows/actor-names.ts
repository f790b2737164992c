import { inArray } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';

/**
 * Display names for the actor ids stored in `updated_by`, `author_id` and the like, so a person reads
 * "Ada Lovelace" rather than `usr_…`. Unknown ids (a deleted key) show as themselves.
 */
export async function actorNames(
  db: Db,
  tables: Tables,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const names = new Map<string, string>(wanted.map((id) => [id, id === 'system' ? 'Parley' : id]));
  if (wanted.length === 0) return names;
  const users = await db
    .select({ id: tables.users.id, name: tables.users.name })
    .from(tables.users)
    .where(inArray(tables.users.id, wanted));
  for (const user of users) names.set(user.id, user.name);
  const keys = await db
    .select({ id: tables.apiKeys.id, name: tables.apiKeys.name })
    .from(tables.apiKeys)
    .where(inArray(tables.apiKeys.id, wanted));
  for (const key of keys) names.set(key.id, `API key "${key.name}"`);
  return names;
}

export async function actorName(db: Db, tables: Tables, id: string): Promise<string> {
  return (await actorNames(db, tables, [id])).get(id) ?? id;
}
