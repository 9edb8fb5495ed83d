import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('language', 'text')
    .addColumn('published', 'text')
    .addColumn('published_source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('sentence_count', 'integer', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_published_idx').on('document').column('published').execute();
  await db.schema.createIndex('document_outlet_idx').on('document').column('outlet').execute();

  await db.schema
    .createTable('document_source')
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_source_pk', ['document_id', 'source_path'])
    .execute();

  await db.schema
    .createTable('source_file')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sentence')
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('char_start', 'integer', (c) => c.notNull())
    .addColumn('char_end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sentence_pk', ['document_id', 'idx'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sentence').execute();
  await db.schema.dropTable('source_file').execute();
  await db.schema.dropTable('document_source').execute();
  await db.schema.dropTable('document').execute();
}
