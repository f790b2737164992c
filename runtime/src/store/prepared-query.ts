import type { Db, Tables } from './database.ts';

/** A query drizzle has built, run again with new placeholder values. */
type Prepared<R> = { execute(values?: Record<string, unknown>): Promise<R> };

/** A drizzle query builder whose values are `sql.placeholder(...)`s, so it can be built once. */
type Preparable<R> = { prepare(): Prepared<R> };

/** Beyond this many variants (e.g. row counts of a multi-row insert) a query is built every time. */
const MAX_VARIANTS = 32;

/**
 * A hot query built once per connection handle and then run with new values. Drizzle spends ~60-120 µs
 * building a query and better-sqlite3 ~8 µs running a prepared one, so on the per-turn path building
 * dominated (`pnpm bench durable`). The SQLite reader and writer handles live as long as the database,
 * so there each query is built once; a PostgreSQL transaction is a handle of its own, so there a query is
 * built once per transaction (as it was before) and once for the pool.
 *
 * `variant` tells apart shapes of one query (the row count of a multi-row insert); `tables` must be the
 * handle's own (the dialect's schema).
 */
export function preparedQuery<R>(
  build: (db: Db, tables: Tables, variant: number) => Preparable<R>,
): (db: Db, tables: Tables, values: Record<string, unknown>, variant?: number) => Promise<R> {
  const built = new WeakMap<Db, Map<number, Prepared<R>>>();
  return (db, tables, values, variant = 0) => {
    if (variant > MAX_VARIANTS) return build(db, tables, variant).prepare().execute(values);
    let variants = built.get(db);
    if (!variants) {
      variants = new Map();
      built.set(db, variants);
    }
    let query = variants.get(variant);
    if (!query) {
      query = build(db, tables, variant).prepare();
      variants.set(variant, query);
    }
    return query.execute(values);
  };
}
