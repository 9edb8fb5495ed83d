import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../src/bench/bulk.js';
import { replicateStore } from '../src/bench/replicate.js';
import { createSyntheticEvents } from '../src/bench/synthetic-events.js';
import { openStore, type Store } from '../src/store/db.js';
import { backfillEventPairs } from '../src/store/event-pairs.js';
import { selectEvents } from '../src/store/queries/events.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

const indexes = async (store: Store) => (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' order by name`.execute(store.db)).rows;
const count = async (store: Store, table: 'event' | 'event_pair' | 'search_entry' | 'fused_event') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('synthetic build with build-only settings (SQLite)', () => {
  it('ends with the same indexes and settings as a migrated store, and the same rows as a plain build', { timeout: 60_000 }, async () => {
    const plain = await openStore(join(dir.path, 'plain.db'));
    const bulkStore = await openStore(join(dir.path, 'bulk.db'));
    try {
      const expected = await indexes(plain);
      await createSyntheticEvents(plain, { events: 400, seed: 3 });
      await replicateStore(plain, 2);
      const bulk = await beginBulkLoad(bulkStore);
      expect((await indexes(bulkStore)).length).toBeLessThan(expected.length);
      expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(bulkStore.db)).rows[0]!.journal_mode).not.toBe('wal');
      await createSyntheticEvents(bulkStore, { events: 400, seed: 3 });
      await replicateStore(bulkStore, 2);
      await bulk.finish();
      expect(await indexes(bulkStore)).toEqual(expected);
      expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(bulkStore.db)).rows[0]!.journal_mode).toBe('wal');
      for (const table of ['event', 'event_pair', 'search_entry', 'fused_event'] as const) expect(await count(bulkStore, table), table).toBe(await count(plain, table));
      expect(await count(bulkStore, 'event')).toBe(800);
      // Copies keep their pair rows, and the rows are what the backfill builds.
      const pairs = () => bulkStore.db.selectFrom('event_pair').selectAll().orderBy('event_id').orderBy('country_a').orderBy('country_b').execute();
      const written = await pairs();
      await bulkStore.db.deleteFrom('event_pair').execute();
      await backfillEventPairs(bulkStore.db);
      expect(await pairs()).toEqual(written);
      const page = { dyad: 'CHN-KOR', from: '2020-01-01', limit: 1000 };
      expect(await selectEvents(bulkStore, page)).toEqual(await selectEvents(plain, page));
    } finally {
      await plain.close();
      await bulkStore.close();
    }
  });
});
