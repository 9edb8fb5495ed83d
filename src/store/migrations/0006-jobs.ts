import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Feed watching (`bilat watch`): each feed's conditional-GET validators, backoff state and the
 * items already taken from it. The job queue itself lives in pg-boss's own schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('polled_at', 'text')
    .addColumn('next_poll_at', 'text')
    /** Consecutive failed polls (the backoff exponent); 0 after a success. */
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('items', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('feed_item')
    .addColumn('feed_url', 'text', (c) => c.notNull().references('feed.url').onDelete('cascade'))
    /** The item's link, else its content id. */
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_item_pk', ['feed_url', 'item_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_item').execute();
  await db.schema.dropTable('feed').execute();
}
