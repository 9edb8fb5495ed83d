import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The part of a better-sqlite3 database the cache needs. */
interface PreparingDatabase {
  close(): void;
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
}

/**
 * A better-sqlite3 database for Kysely that keeps its prepared statements: Kysely prepares every
 * query again, and on ingest preparing costs about as much as running the inserts. Up to `size`
 * statements are kept, least recently used dropped first; a statement still being iterated
 * (a streamed select) is not handed out twice.
 *
 * @example new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(new SQLite(path)) }) })
 */
export function withStatementCache(db: PreparingDatabase, size = 200): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>();
  return {
    close: () => db.close(),
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}
