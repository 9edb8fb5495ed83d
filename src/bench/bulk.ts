import { sql } from 'kysely';
import type { Store } from '../store/db.js';

/** Tables a synthetic build fills; their secondary indexes are rebuilt after the load. */
const BULK_TABLES = ['document', 'document_source', 'sentence', 'event', 'event_actor', 'event_pair', 'statistic', 'quote', 'fused_event', 'fused_party', 'fused_pair', 'fused_context', 'fused_report', 'fusion_key', 'search_entry'];

export interface BulkLoad {
  /** Rebuild the dropped indexes and restore the normal settings (WAL, synchronous NORMAL). */
  finish(): Promise<void>;
}

/**
 * Build-only settings for filling a new SQLite store from scratch (scripts/synthetic-db.js, the
 * benchmark's synthetic store): no rollback journal on disk (OFF, or MEMORY where the driver's
 * defensive mode refuses OFF), no fsync, and the secondary indexes of the
 * filled tables dropped until `finish()` creates them again, one sort each instead of index
 * maintenance on every insert. A crash part way leaves a broken file, which is why it is only for
 * databases built from nothing (never for ingest). Primary keys and unique constraints stay.
 * On PostgreSQL nothing changes.
 *
 * @example const bulk = await beginBulkLoad(store); await createSyntheticEvents(store); await bulk.finish();
 */
export async function beginBulkLoad(store: Store): Promise<BulkLoad> {
  if (store.capabilities.dialect !== 'sqlite') return { finish: async () => undefined };
  // Leave WAL first (WAL cannot go straight to OFF). better-sqlite3 opens connections in
  // defensive mode, which refuses OFF; MEMORY (the rollback journal in memory) is what we get then.
  await sql`pragma journal_mode = DELETE`.execute(store.db);
  const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode = OFF`.execute(store.db);
  if (rows[0]?.journal_mode !== 'off') await sql`pragma journal_mode = MEMORY`.execute(store.db);
  await sql`pragma synchronous = OFF`.execute(store.db);
  // A larger page cache for the index builds (negative = KiB): 256 MB.
  await sql`pragma cache_size = -262144`.execute(store.db);
  const names = sql.join(BULK_TABLES.map((t) => sql.lit(t)));
  const { rows: indexes } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${names}) order by name`.execute(store.db);
  for (const ix of indexes) await sql`drop index ${sql.id(ix.name)}`.execute(store.db);
  return {
    finish: async () => {
      for (const ix of indexes) await sql.raw(ix.sql).execute(store.db);
      await sql`pragma cache_size = -2000`.execute(store.db);
      await sql`pragma journal_mode = WAL`.execute(store.db);
      await sql`pragma synchronous = NORMAL`.execute(store.db);
    },
  };
}
