import { join } from 'node:path';
import { openStore, type DialectName, type Store } from '../src/store/db.js';

/**
 * The databases every storage test runs on: SQLite always, PostgreSQL when `BILAT_TEST_PG` names
 * a server (e.g. postgres://postgres@127.0.0.1:5432/test, as .ci/run sets it). Each `fresh()` call
 * gets an empty database of its own — a new SQLite file, or a new PostgreSQL schema that `drop()`
 * removes — so runs never see each other's rows.
 */
export interface DialectCase {
  name: DialectName;
  enabled: boolean;
  /** A location (file path or `postgres://…?schema=…` URL) for an empty database. */
  fresh(dir: string): Promise<FreshLocation>;
}

export interface FreshLocation {
  location: string;
  /** PostgreSQL schema name, when there is one (pg-boss keeps its tables beside it). */
  schema?: string;
  drop(): Promise<void>;
}

export const TEST_PG = process.env.BILAT_TEST_PG || undefined;

let counter = 0;

/** A schema name no other run uses. */
export function uniqueSchema(prefix = 'bilat_test'): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/** A URL for `schema` on the test server. */
export function pgUrl(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Drop schemas on the test server (missing ones are fine). */
export async function dropSchemas(base: string, schemas: string[]): Promise<void> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: base });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const DIALECTS: DialectCase[] = [
  {
    name: 'sqlite',
    enabled: true,
    fresh: async (dir) => ({ location: join(dir, `store-${counter++}.db`), drop: async () => undefined }),
  },
  {
    name: 'postgres',
    enabled: TEST_PG !== undefined,
    fresh: async () => {
      const schema = uniqueSchema();
      return { location: pgUrl(TEST_PG!, schema), schema, drop: () => dropSchemas(TEST_PG!, [schema, `${schema}_boss`]) };
    },
  },
];

/** Open a fresh, migrated store on a dialect; `close()` also drops it. */
export async function freshStore(dialect: DialectCase, dir: string): Promise<Store> {
  const place = await dialect.fresh(dir);
  const store = await openStore(place.location);
  const close = store.close;
  return { ...store, close: async () => { await close(); await place.drop(); } };
}
