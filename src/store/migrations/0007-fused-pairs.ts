import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Fused events by country pair, for the dyadic analyses at scale (docs/api.md "Performance").
 *
 * `fused_pair` has one row per fused event and ordered pair of countries (`country`, `other`)
 * where one acts on the other: `acts` when `country` is an actor and `other` a recipient,
 * `receives` when it is the other way round (a mutual event has both). Every pair is stored in
 * both orders, so an undirected dyad is one index range (`country = a and other = b`) with one
 * row per fused event, and `a` acting on `b` is the same range with `acts = 1`. The row repeats
 * the fused event's columns that the relations index and the indicators read (status, dates,
 * periods, category, contexts, quad, score, sources), so those read only this table; fused events are
 * written whole and never updated in place, and the rows go with their fused event (cascade).
 *
 * Before it, a dyad was four correlated EXISTS lookups in `fused_party` for every fused event of
 * the status, 1–2 s at 100,000 events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fused_pair')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('other', 'text', (c) => c.notNull())
    .addColumn('fused_id', 'text', (c) => c.notNull().references('fused_event.id').onDelete('cascade'))
    .addColumn('acts', 'integer', (c) => c.notNull())
    .addColumn('receives', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('period_week', 'text')
    .addColumn('period_month', 'text')
    .addColumn('period_quarter', 'text')
    .addColumn('period_year', 'text')
    .addColumn('event_type', 'text', (c) => c.notNull())
    /** Comma-wrapped contexts (",diplomatic,culture,"), as in fused_event. */
    .addColumn('contexts', 'text', (c) => c.notNull())
    .addColumn('quad', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('sources', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fused_pair_pk', ['country', 'other', 'fused_id'])
    .execute();
  await db.schema.createIndex('fused_pair_status_idx').on('fused_pair').columns(['country', 'other', 'status', 'period_month']).execute();
  // Deleting a fused event looks its pairs up by fused id (the cascade).
  await db.schema.createIndex('fused_pair_fused_idx').on('fused_pair').column('fused_id').execute();
  // A `from` day bounds the date order scan of the fused event list (as for events in 0005-list-indexes).
  await db.schema.createIndex('fused_event_date_end_idx').on('fused_event').columns(['date_end', 'date_start']).execute();
  await backfillFusedPairs(db);
}

/** Fill `fused_pair` from `fused_party` and `fused_event` (what `writeFused` writes for new fused events). */
export async function backfillFusedPairs(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into fused_pair (country, other, fused_id, acts, receives, status, date_start, date_end, period_week, period_month, period_quarter, period_year, event_type, contexts, quad, score, sources)
    select x.country, x.other, x.fused_id, x.acts, x.receives, f.status, f.date_start, f.date_end, f.period_week, f.period_month, f.period_quarter, f.period_year, f.event_type, f.contexts, f.quad, f.score, f.sources
    from (
      select p.country as country, q.country as other, p.fused_id as fused_id,
        max(case when p.role = 'actor' and q.role = 'recipient' then 1 else 0 end) as acts,
        max(case when p.role = 'recipient' and q.role = 'actor' then 1 else 0 end) as receives
      from fused_party p
      join fused_party q on q.fused_id = p.fused_id and q.role <> p.role
      group by p.country, q.country, p.fused_id
    ) x
    join fused_event f on f.id = x.fused_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('fused_event_date_end_idx').execute();
  await db.schema.dropTable('fused_pair').execute();
}
