import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { withStatementCache } from './statement-cache.js';

export type DialectName = 'sqlite' | 'postgres';

/** What differs between databases, as flags rather than scattered dialect checks. */
export interface Capabilities {
  dialect: DialectName;
  /** Full-text search flavour. */
  fullText: 'fts5' | 'tsvector';
  /** Several processes may write at once. */
  concurrentWriters: boolean;
}

export interface Store {
  db: Kysely<Database>;
  capabilities: Capabilities;
  /** Where the data lives, for messages (password removed). */
  location: string;
  /** PostgreSQL schema chosen with `?schema=NAME`, if any. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * PostgreSQL: commit without waiting for the write-ahead log to reach the disk
   * (`synchronous_commit = off`), for bulk ingest whose writer stores one document after another.
   * A crash of the database server can lose the last fraction of a second of commits, never part
   * of one and never out of order: a source file is recorded after its documents, so re-running
   * the ingest stores what was lost. SQLite ignores it (WAL with `synchronous = NORMAL` already).
   */
  asyncCommit?: boolean;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** Database location from a flag, then `BILAT_DB`, then `./bilat.db`. */
export function resolveDbLocation(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.BILAT_DB ?? 'bilat.db';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Open (and by default migrate) a store: a SQLite file path or a `postgres://` URL. A
 * `?schema=NAME` parameter on a PostgreSQL URL selects (and creates) a schema.
 *
 * @example const store = await openStore('bilat.db'); … await store.close();
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  let db: Kysely<Database>;
  let capabilities: Capabilities;
  let schemaName: string | undefined;
  if (isPostgresUrl(location)) {
    const pg = await import('pg');
    const url = new URL(location);
    const schema = url.searchParams.get('schema');
    url.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    schemaName = schema ?? undefined;
    const pool = new pg.default.Pool({ connectionString: url.toString(), max: 10 });
    if (schema || options.asyncCommit) {
      // Register before the first connection: that client is reused, so it needs the settings too.
      const settings = [...(schema ? [`SET search_path TO "${schema}"`] : []), ...(options.asyncCommit ? ['SET synchronous_commit TO off'] : [])];
      pool.on('connect', (client) => {
        client.query(settings.join('; ')).catch(() => undefined);
      });
    }
    if (schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } catch (err) {
        // Another process created it at the same moment (IF NOT EXISTS is not atomic in PostgreSQL).
        if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P06') throw err;
      } finally {
        client.release();
      }
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    capabilities = { dialect: 'postgres', fullText: 'tsvector', concurrentWriters: true };
  } else {
    const { default: SQLite } = await import('better-sqlite3');
    const sqlite = new SQLite(location, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    capabilities = { dialect: 'sqlite', fullText: 'fts5', concurrentWriters: false };
  }
  const store: Store = {
    db,
    capabilities,
    location: redact(location),
    ...(schemaName ? { schema: schemaName } : {}),
    close: () => db.destroy(),
  };
  if (options.migrate !== false && !options.readonly) {
    const result = await migrateToLatest(store);
    if (result.error) {
      await store.close();
      throw result.error instanceof Error ? result.error : new Error(String(result.error));
    }
  }
  return store;
}

export function migrator(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: migrationProvider,
    migrationTableName: 'bilat_migration',
    migrationLockTableName: 'bilat_migration_lock',
    // Features land in parallel with reserved migration names; each migration touches its own tables.
    allowUnorderedMigrations: true,
    // Look for the migration tables in the chosen schema only, not in another schema of the database.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

export async function migrateToLatest(store: Store): Promise<MigrationResultSet> {
  return migrator(store).migrateToLatest();
}
