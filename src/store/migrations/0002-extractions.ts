import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('sentence_idx', 'integer', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('quad', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('contexts', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('location_country', 'text')
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('future', 'integer', (c) => c.notNull())
    .addColumn('hypothetical', 'integer', (c) => c.notNull())
    .addColumn('historical', 'integer', (c) => c.notNull())
    .addColumn('char_start', 'integer', (c) => c.notNull())
    .addColumn('char_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_document_idx').on('event').column('document_id').execute();
  await db.schema.createIndex('event_date_idx').on('event').columns(['date_start', 'event_type']).execute();
  await db.schema.createIndex('event_type_idx').on('event').column('event_type').execute();

  await db.schema
    .createTable('event_actor')
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('country', 'text')
    .addColumn('sector', 'text')
    .addColumn('actor_id', 'text')
    .addPrimaryKeyConstraint('event_actor_pk', ['event_id', 'role', 'position'])
    .execute();
  await db.schema.createIndex('event_actor_country_idx').on('event_actor').columns(['country', 'role', 'event_id']).execute();
  await db.schema.createIndex('event_actor_actor_idx').on('event_actor').column('actor_id').execute();

  await db.schema
    .createTable('statistic')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('sentence_idx', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('consistent', 'integer')
    .addColumn('char_start', 'integer', (c) => c.notNull())
    .addColumn('char_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('statistic_document_idx').on('statistic').column('document_id').execute();

  await db.schema
    .createTable('quote')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('sentence_idx', 'integer', (c) => c.notNull())
    .addColumn('direct', 'integer', (c) => c.notNull())
    .addColumn('speaker_name', 'text')
    .addColumn('speaker_country', 'text')
    .addColumn('speaker_id', 'text')
    .addColumn('char_start', 'integer', (c) => c.notNull())
    .addColumn('char_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quote_document_idx').on('quote').column('document_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['quote', 'statistic', 'event_actor', 'event']) await db.schema.dropTable(t).execute();
}
