import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Indexes for the REST API's lists at scale (measured on 100,000 synthetic events, see
 * docs/api.md "Performance"):
 *
 * - `event_actor (event_id, country, role)`: the party filters (`dyad`, `actor`, `country`) are
 *   correlated EXISTS lookups by event id; without it each one scanned every row of the country.
 * - the default list orders, `(date or last, id)` both ways, so a page reads its rows in order
 *   instead of sorting the whole table: events and fused events.
 * - `event (date_end, date_start)`: the earliest start among events that end on or after a `from`
 *   day, which bounds the date order scan (see `selectEvents`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('event_actor_event_idx').on('event_actor').columns(['event_id', 'country', 'role']).execute();
  await sql`create index event_order_asc_idx on event (coalesce(date_start, '9999-99-99'), id)`.execute(db);
  await sql`create index event_order_desc_idx on event (coalesce(date_start, '0000-00-00') desc, id)`.execute(db);
  await db.schema.createIndex('event_date_end_idx').on('event').columns(['date_end', 'date_start']).execute();
  await sql`create index fused_event_order_asc_idx on fused_event (coalesce(date_start, '9999-99-99'), id)`.execute(db);
  await sql`create index fused_event_order_desc_idx on fused_event (coalesce(date_start, '9999-99-99') desc, id)`.execute(db);
}
