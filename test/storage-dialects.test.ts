import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeDocument } from '../src/ingest/document.js';
import { loadFile } from '../src/ingest/load.js';
import { createExtractor } from '../src/pipeline.js';
import type { Store } from '../src/store/db.js';
import { saveDocument, type StoredExtraction } from '../src/store/documents.js';
import { fuseDocument, rebuildFusion } from '../src/store/fusion.js';
import { selectDocuments } from '../src/store/queries/documents.js';
import { iterateEvents } from '../src/store/queries/events.js';
import { backfillFusedPairs } from '../src/store/migrations/0007-fused-pairs.js';
import { selectFusedEvents } from '../src/store/queries/fused-events.js';
import { selectIndicators } from '../src/store/queries/indicators.js';
import { selectInForce } from '../src/store/queries/policies.js';
import { selectQuotes } from '../src/store/queries/quotes.js';
import { selectRelationsIndex } from '../src/store/queries/relations-index.js';
import { selectCatalogue, selectSeries } from '../src/store/queries/series.js';
import { selectStatistics } from '../src/store/queries/statistics.js';
import { DIALECTS, freshStore } from './dialects.js';
import { ROOT, runCli, tempDir } from './helpers.js';

/**
 * One storage suite for every database (test/dialects.ts): the same documents, written and read
 * through the same functions, must give the same rows on SQLite and on PostgreSQL. Each dialect
 * works in fresh databases of its own; the last block compares what the dialects returned.
 */
const dir = tempDir();
afterAll(() => dir.cleanup());

const SAVE = { now: '2026-11-23T12:00:00.000Z', pipelineVersion: 'test' };
const ARTICLES = join(ROOT, 'data', 'sample', 'articles');
let corpus: StoredExtraction[] = [];

beforeAll(async () => {
  const extract = createExtractor();
  for (const name of readdirSync(ARTICLES).sort()) {
    const loaded = await loadFile(join(ARTICLES, name));
    for (const raw of loaded.documents) {
      const doc = finalizeDocument(raw, { maxYear: 2026 });
      const ctx = extract(doc);
      corpus.push({ doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes });
    }
  }
  corpus = corpus.filter((item, i) => corpus.findIndex((x) => x.doc.id === item.doc.id) === i);
});

/** What a dialect returned, compared across dialects at the end. */
const seen = new Map<string, Record<string, unknown>>();

async function ingestSequentially(store: Store, items: StoredExtraction[]): Promise<string[]> {
  const statuses: string[] = [];
  for (const item of items) {
    const status = await saveDocument(store, item, SAVE);
    if (status === 'new') await fuseDocument(store, item.doc.id);
    statuses.push(status);
  }
  return statuses;
}

async function fusedSnapshot(store: Store): Promise<unknown[]> {
  const { events } = await selectFusedEvents(store, { status: ['asserted', 'future', 'negated', 'hypothetical'], limit: 100_000 });
  return events.map((e) => ({ ...e })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`storage on ${dialect.name}`, () => {
    const results: Record<string, unknown> = {};
    let store: Store;
    beforeAll(async () => {
      store = await freshStore(dialect, dir.path);
    });
    afterAll(async () => {
      seen.set(dialect.name, results);
      await store?.close();
    });

    it('stores each document once; a second pass finds only duplicates', async () => {
      expect(corpus.length).toBeGreaterThan(10);
      const first = await ingestSequentially(store, corpus);
      expect(first.every((s) => s === 'new')).toBe(true);
      const second = await ingestSequentially(store, corpus);
      expect(second.every((s) => s === 'duplicate')).toBe(true);
      const docs = await selectDocuments(store);
      expect(docs.map((d) => d.id).sort()).toEqual(corpus.map((c) => c.doc.id).sort());
      results.documents = docs.map((d) => ({ ...d })).sort((a, b) => (a.id < b.id ? -1 : 1));
    });

    it('keeps every extracted record with its evidence', async () => {
      const events = [];
      for await (const e of iterateEvents(store, { include_negated: true, include_hypothetical: true })) events.push(e);
      const expected = corpus.flatMap((c) => c.events);
      expect(events.length).toBe(expected.length);
      const byId = new Map(events.map((e) => [e.id, e]));
      for (const e of expected) {
        const stored = byId.get(e.id);
        expect(stored, e.id).toBeDefined();
        expect(stored!.evidence).toEqual(e.evidence);
        expect(stored!.event_type).toBe(e.event_type);
      }
      const statistics = await selectStatistics(store, { limit: 10_000 });
      expect(statistics.rows.length).toBe(corpus.reduce((n, c) => n + c.statistics.length, 0));
      const quotes = await selectQuotes(store, { limit: 10_000 });
      expect(quotes.rows.length).toBe(corpus.reduce((n, c) => n + c.quotes.length, 0));
      results.events = events.sort((a, b) => (a.id < b.id ? -1 : 1));
      results.statistics = statistics.rows;
      results.quotes = quotes.rows;
    });

    it('incremental fusion equals a full rebuild', async () => {
      const incremental = await fusedSnapshot(store);
      expect(incremental.length).toBeGreaterThan(0);
      await rebuildFusion(store);
      expect(await fusedSnapshot(store)).toEqual(incremental);
      results.fused = incremental;
    });

    it('keeps the pair table as the parties say: what fusion writes equals the migration\'s backfill', async () => {
      const pairs = () => store.db.selectFrom('fused_pair').selectAll().orderBy('fused_id').orderBy('country').orderBy('other').execute();
      const written = await pairs();
      // Every fused event with an actor and a recipient has a pair, in both orders.
      expect(written.length).toBeGreaterThan(0);
      expect(written.filter((r) => r.acts === 1).length).toBe(written.filter((r) => r.receives === 1).length);
      await store.db.deleteFrom('fused_pair').execute();
      await backfillFusedPairs(store.db as never);
      expect(await pairs()).toEqual(written);
      results.pairs = written;
    });

    it('concurrent, out-of-order saves store each document once and fuse to the same events', { timeout: 90_000 }, async () => {
      const other = await freshStore(dialect, dir.path);
      try {
        // Every document twice, newest first, all at once: on PostgreSQL these race on separate connections.
        const shuffled = [...corpus].reverse();
        const statuses = await Promise.all(
          [...shuffled, ...shuffled].map(async (item) => {
            const status = await saveDocument(other, item, SAVE);
            await fuseDocument(other, item.doc.id);
            return status;
          }),
        );
        expect(statuses.filter((s) => s === 'new').length).toBe(corpus.length);
        const rows = await other.db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(rows.n)).toBe(corpus.length);
        const events = await other.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(events.n)).toBe(corpus.reduce((n, c) => n + c.events.length, 0));
        expect(await fusedSnapshot(other)).toEqual(await fusedSnapshot(store));
      } finally {
        await other.close();
      }
    });

    it('computes indicators and the relations index from the fused events', async () => {
      const indicators = await selectIndicators(store, { a: 'CHN', b: 'KOR', by: 'month' });
      const index = await selectRelationsIndex(store, { a: 'CHN', b: 'KOR' });
      expect(index.months.length).toBeGreaterThan(0);
      results.indicators = indicators;
      results.index = index;
    });

    it('answers policy and series queries', async () => {
      const policies = ['china-korea.yaml', 'china-visa-free.yaml', 'japan-korea.yaml'].map((f) => join(ROOT, 'data', 'policies', f));
      expect((await runCli(['policies', 'import', ...policies, '--db', store.location])).code).toBe(0);
      expect((await runCli(['series', 'import', join(ROOT, 'data', 'series', 'series.yaml'), '--db', store.location])).code).toBe(0);
      const inForce = await selectInForce(store, { date: '2025-10-01', between: ['CHN', 'KOR'] });
      expect(inForce.length).toBeGreaterThan(0);
      const catalogue = await selectCatalogue(store);
      expect(catalogue.length).toBeGreaterThan(0);
      results.inForce = inForce;
      results.catalogue = catalogue;
      results.series = await selectSeries(store, catalogue[0]!.name);
    });
  });
}

describe('every dialect', () => {
  it.skipIf(DIALECTS.filter((d) => d.enabled).length < 2)('returns the same rows as SQLite', () => {
    const sqlite = seen.get('sqlite');
    expect(sqlite).toBeDefined();
    for (const [name, results] of seen) if (name !== 'sqlite') expect(results, name).toEqual(sqlite);
  });
});
