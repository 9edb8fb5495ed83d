import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('formal', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('imported_from', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_instrument_issuer_idx').on('policy_instrument').columns(['issuer', 'kind']).execute();

  await db.schema
    .createTable('policy_beneficiary')
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('policy_instrument.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_beneficiary_pk', ['instrument_id', 'country'])
    .execute();
  await db.schema.createIndex('policy_beneficiary_country_idx').on('policy_beneficiary').column('country').execute();

  await db.schema
    .createTable('policy_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('policy_instrument.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('announced', 'text')
    .addColumn('known_from', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_from_precision', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('superseded_by', 'text')
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('policy_version_instrument_idx').on('policy_version').columns(['instrument_id', 'seq']).execute();
  await db.schema.createIndex('policy_version_effective_idx').on('policy_version').columns(['effective_from', 'effective_to']).execute();

  await db.schema
    .createTable('policy_source')
    .addColumn('version_id', 'text', (c) => c.notNull().references('policy_version.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('citation', 'text')
    .addColumn('url', 'text')
    .addColumn('published', 'text')
    .addColumn('event_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('evidence', 'text')
    .addPrimaryKeyConstraint('policy_source_pk', ['version_id', 'position'])
    .execute();
  await db.schema.createIndex('policy_source_event_idx').on('policy_source').column('event_id').execute();

  await db.schema
    .createTable('policy_candidate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('version_id', 'text')
    .execute();
  await db.schema.createIndex('policy_candidate_status_idx').on('policy_candidate').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('series')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('months', 'text')
    .addColumn('origin_country', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('description', 'text')
    .addColumn('source', 'text')
    .addColumn('imported_from', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('series_point')
    .addColumn('series_name', 'text', (c) => c.notNull().references('series.name').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('derived', 'integer', (c) => c.notNull())
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addPrimaryKeyConstraint('series_point_pk', ['series_name', 'period'])
    .execute();
  await db.schema.createIndex('series_point_start_idx').on('series_point').columns(['series_name', 'period_start']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['series_point', 'series', 'policy_candidate', 'policy_source', 'policy_version', 'policy_beneficiary', 'policy_instrument']) await db.schema.dropTable(t).execute();
}
