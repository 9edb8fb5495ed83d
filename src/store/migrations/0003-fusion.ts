import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Event fusion (docs/fusion.md): fused events, the reports (stored events) each one groups, the
 * lookup keys that find fusion candidates for a new report, and a one-row lock that serialises
 * fusion transactions on databases with several writers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fused_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('quad', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    /** Comma-wrapped contexts (",diplomatic,culture,"). */
    .addColumn('contexts', 'text', (c) => c.notNull())
    .addColumn('mutual', 'integer', (c) => c.notNull())
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    /** The grid periods the date falls in (null when the date is coarser than the period). */
    .addColumn('period_week', 'text')
    .addColumn('period_month', 'text')
    .addColumn('period_quarter', 'text')
    .addColumn('period_year', 'text')
    .addColumn('location_text', 'text')
    .addColumn('location_country', 'text')
    /** asserted | future | negated | hypothetical */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('sources', 'integer', (c) => c.notNull())
    .addColumn('importance', 'double precision', (c) => c.notNull())
    .addColumn('first_published', 'text')
    .addColumn('last_published', 'text')
    .addColumn('first_ingested', 'text', (c) => c.notNull())
    .addColumn('last_ingested', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  for (const period of ['week', 'month', 'quarter', 'year']) {
    await db.schema.createIndex(`fused_event_${period}_idx`).on('fused_event').columns(['status', `period_${period}`]).execute();
  }
  await db.schema.createIndex('fused_event_date_idx').on('fused_event').columns(['date_start', 'id']).execute();

  await db.schema
    .createTable('fused_party')
    .addColumn('fused_id', 'text', (c) => c.notNull().references('fused_event.id').onDelete('cascade'))
    /** actor | recipient; parties of a mutual event are stored in both roles. */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fused_party_pk', ['fused_id', 'role', 'country'])
    .execute();
  await db.schema.createIndex('fused_party_country_idx').on('fused_party').columns(['country', 'role', 'fused_id']).execute();

  await db.schema
    .createTable('fused_context')
    .addColumn('fused_id', 'text', (c) => c.notNull().references('fused_event.id').onDelete('cascade'))
    .addColumn('context', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fused_context_pk', ['fused_id', 'context'])
    .execute();
  await db.schema.createIndex('fused_context_context_idx').on('fused_context').columns(['context', 'fused_id']).execute();

  await db.schema
    .createTable('fused_report')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('event.id').onDelete('cascade'))
    .addColumn('fused_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fused_report_fused_idx').on('fused_report').columns(['fused_id', 'event_id']).execute();
  await db.schema.createIndex('fused_report_document_idx').on('fused_report').column('document_id').execute();

  await db.schema
    .createTable('fusion_key')
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date_lo', 'text', (c) => c.notNull())
    .addColumn('date_hi', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fusion_key_pk', ['event_id', 'country'])
    .execute();
  await db.schema.createIndex('fusion_key_lookup_idx').on('fusion_key').columns(['family', 'status', 'country', 'date_lo']).execute();

  await db.schema
    .createTable('fusion_lock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into fusion_lock (id, version) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['fusion_lock', 'fusion_key', 'fused_report', 'fused_context', 'fused_party', 'fused_event']) await db.schema.dropTable(t).execute();
}
