import { sql, type Kysely } from 'kysely';
import { backfillEventPairs } from '../event-pairs.js';
import type { Database } from '../schema.js';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Raw events by country pair, for dyad filters on the event list at scale (`selectEvents`,
 * docs/api.md "Implementation notes").
 *
 * `event_pair` has one row per event and unordered pair of distinct countries among its parties
 * (`country_a < country_b`), with `a_acts` / `b_acts` for the directions and a copy of the event
 * columns the list filters and sorts on (document, dates, category, quad, contexts, negated,
 * hypothetical), plus `span_days`, the length of the date interval. A dyad is then one index
 * range in date order, instead of two correlated EXISTS lookups in `event_actor` for every event
 * of the date order. Events are written whole and never updated in place; the rows are written
 * with their event (`writeExtractions`) and go with it (cascade).
 *
 * Indexes: (pair, date) both ways and (pair, category, date) in the list's order expressions
 * (as migration 0005-list-indexes), and (pair, span_days, date_end, date_start), from which the
 * earliest start among the pair's long intervals ending on or after a `from` day is read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_pair')
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('country_a', 'text', (c) => c.notNull())
    .addColumn('country_b', 'text', (c) => c.notNull())
    .addColumn('a_acts', 'integer', (c) => c.notNull())
    .addColumn('b_acts', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('span_days', 'integer')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('quad', 'text', (c) => c.notNull())
    .addColumn('contexts', 'text', (c) => c.notNull())
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('hypothetical', 'integer', (c) => c.notNull())
    // The cascade from `event` looks rows up by event id.
    .addPrimaryKeyConstraint('event_pair_pk', ['event_id', 'country_a', 'country_b'])
    .execute();
  // Backfill first, index after: one sort per index instead of index maintenance per row.
  await backfillEventPairs(db as unknown as Kysely<Database>);
  await createEventPairIndexes(db);
}

/** The secondary indexes of `event_pair` (a bulk load may drop them and call this afterwards). */
export async function createEventPairIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`create index event_pair_date_idx on event_pair (country_a, country_b, coalesce(date_start, '9999-99-99'), event_id)`.execute(db);
  await sql`create index event_pair_date_desc_idx on event_pair (country_a, country_b, coalesce(date_start, '0000-00-00') desc, event_id)`.execute(db);
  await sql`create index event_pair_category_idx on event_pair (country_a, country_b, event_type, coalesce(date_start, '9999-99-99'), event_id)`.execute(db);
  await sql`create index event_pair_span_idx on event_pair (country_a, country_b, span_days, date_end, date_start)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_pair').execute();
}
