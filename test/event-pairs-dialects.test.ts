import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticEvents } from '../src/bench/synthetic-events.js';
import { finalizeDocument } from '../src/ingest/document.js';
import { loadFile } from '../src/ingest/load.js';
import { createExtractor } from '../src/pipeline.js';
import { sql } from 'kysely';
import { migrateToLatest, type Store } from '../src/store/db.js';
import { saveDocument, type StoredExtraction } from '../src/store/documents.js';
import { backfillEventPairs } from '../src/store/event-pairs.js';
import { selectEvents, type EventFilterInput } from '../src/store/queries/events.js';
import { makeDocument } from '../src/testing/doc.js';
import { testEvent } from '../src/testing/event.js';
import type { EventRecord } from '../src/types.js';
import { DIALECTS, freshStore } from './dialects.js';
import { ROOT, tempDir } from './helpers.js';

/**
 * The event list's dyad filters answered from `event_pair` (migration 0008-event-pairs) must give
 * exactly the pages of the general path (party lookups over the date order): same events, same
 * order, same cursors, on every dialect. The store holds the sample corpus, synthetic events and
 * hand-made events at the edges (co-actors, several recipients, undated, an end without a start,
 * long and unreadable intervals, a country acting on itself, parties without a country).
 */
const dir = tempDir();
afterAll(() => dir.cleanup());

const SAVE = { now: '2026-11-23T12:00:00.000Z', pipelineVersion: 'test' };
let corpus: StoredExtraction[] = [];

beforeAll(async () => {
  const extract = createExtractor();
  const articles = join(ROOT, 'data', 'sample', 'articles');
  for (const name of readdirSync(articles).sort()) {
    for (const raw of (await loadFile(join(articles, name))).documents) {
      const doc = finalizeDocument(raw, { maxYear: 2026 });
      const ctx = extract(doc);
      corpus.push({ doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes });
    }
  }
  corpus = corpus.filter((item, i) => corpus.findIndex((x) => x.doc.id === item.doc.id) === i);
});

type DateSpec = { start: string | null; end: string | null } | null;

function edge(id: string, type: string, actor: Array<string | null>, recipient: Array<string | null>, date: DateSpec, extra: Partial<EventRecord> = {}): EventRecord {
  const ref = (c: string | null) => ({ text: c ?? 'someone', name: c, country: c, sector: null });
  return testEvent({
    id,
    event_type: type,
    contexts: ['diplomatic'],
    actor: actor.map(ref),
    recipient: recipient.map(ref),
    date: date ? ({ start: date.start, end: date.end, precision: 'day', text: null, source: 'stated' } as EventRecord['date']) : null,
    rule: 'test/edge',
    ...extra,
  });
}

const day = (d: string): DateSpec => ({ start: d, end: d });
const EDGES: EventRecord[] = [
  edge('edge-co-actors', 'CONSULT', ['CHN', 'KOR'], [], day('2024-03-05')),
  edge('edge-two-recipients', 'AGREE', ['CHN'], ['KOR', 'JPN'], day('2024-03-06'), { contexts: ['economic', 'tourism'] }),
  edge('edge-undated', 'CONCEDE', ['KOR'], ['CHN'], null),
  edge('edge-end-only', 'CONSULT', ['KOR'], ['CHN'], { start: null, end: '2024-03-10' }),
  edge('edge-long', 'COOPERATE', ['CHN'], ['KOR'], { start: '2020-01-01', end: '2024-12-31' }),
  edge('edge-year', 'SANCTION', ['KOR'], ['CHN'], { start: '2024-01-01', end: '2024-12-31' }, { quad: 'material_conflict' }),
  edge('edge-month', 'AID', ['CHN'], ['KOR'], { start: '2024-02-01', end: '2024-02-29' }),
  edge('edge-crossing', 'AID', ['KOR'], ['CHN'], { start: '2024-02-20', end: '2024-03-05' }),
  // A short interval across `from` for a pair without long ones (CHN–KOR has edge-long).
  edge('edge-crossing-short', 'AID', ['FRA'], ['DEU'], { start: '2024-02-20', end: '2024-03-05' }),
  edge('edge-unreadable', 'REQUEST', ['CHN'], ['KOR'], { start: '2024-02-30', end: '2024-03-02' }),
  edge('edge-negated', 'THREATEN', ['CHN'], ['KOR'], day('2024-03-07'), { negated: true }),
  edge('edge-hypothetical', 'THREATEN', ['KOR'], ['CHN'], day('2024-03-08'), { hypothetical: true }),
  edge('edge-no-country', 'CONSULT', [null, 'KOR'], ['CHN', null], day('2024-03-09')),
  edge('edge-igo', 'SUPPORT', ['IGO:UN'], ['CHN'], day('2024-03-09')),
  edge('edge-self', 'ACCUSE', ['CHN'], ['CHN', 'KOR'], day('2024-03-11')),
  edge('edge-same-day-a', 'CONSULT', ['CHN'], ['KOR'], day('2024-03-12')),
  edge('edge-same-day-b', 'CONSULT', ['KOR'], ['CHN'], day('2024-03-12')),
];

const DYADS = ['CHN-KOR', 'KOR-CHN', 'CHN>KOR', 'KOR>CHN', 'JPN-KOR', 'CHN-JPN', 'KOR>JPN', 'CHN-IGO:UN', 'IGO:UN>CHN', 'THA-BRA', 'USA-PRK', 'CHN-CHN', 'FRA-DEU'];
const VARIANTS: Array<Omit<EventFilterInput, 'dyad'>> = [
  {},
  { from: '2024-03-01', to: '2024-03-31' },
  { from: '2024-03-01' },
  { from: '2020-06-01', to: '2020-06-30' },
  { to: '2019-06-30' },
  { sort: '-date' },
  { sort: '-date', from: '2024-03-01' },
  { sort: '-date', from: '2024-03-01', to: '2024-03-31' },
  { type: 'CONSULT' },
  { type: ['AGREE', 'SANCTION'], from: '2018-01-01' },
  { context: ['economic', 'tourism'] },
  { quad: ['material_conflict', 'verbal_cooperation'], sort: '-date' },
  { include_negated: true, include_hypothetical: false },
  { actor: 'CHN' },
  { recipient: 'KOR', country: 'JPN' },
  { document: 'edge' },
];

/** Every page of a filter with both paths, asserted equal page by page; the events' ids and the cursors. */
async function bothPaths(store: Store, filter: EventFilterInput, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const viaPairs = await selectEvents(store, { ...filter, limit, cursor });
    const general = await selectEvents(store, { ...filter, limit, cursor }, { pairs: false });
    expect(viaPairs, JSON.stringify(filter)).toEqual(general);
    seen.push(...general.events.map((e) => e.id), `cursor:${general.next_cursor}`);
    if (!general.next_cursor) return seen;
    cursor = general.next_cursor;
  }
  throw new Error('too many pages');
}

const seen = new Map<string, unknown>();

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`event pairs on ${dialect.name}`, () => {
    let store: Store;
    let edgeDocument = '';
    const results: Record<string, unknown> = {};
    beforeAll(async () => {
      store = await freshStore(dialect, dir.path);
      await createSyntheticEvents(store, { events: 1500, seed: 7, from: '2019-01-01', to: '2025-12-31' });
      for (const item of corpus) await saveDocument(store, item, SAVE);
      const doc = makeDocument('edge cases', '2024-03-31');
      edgeDocument = doc.id;
      await saveDocument(store, { doc, sentences: [], events: EDGES, statistics: [], quotes: [] }, SAVE);
    }, 120_000);
    afterAll(async () => {
      seen.set(dialect.name, results);
      await store?.close();
    });

    it('answers every dyad filter as the general path does, page by page', { timeout: 240_000 }, async () => {
      let nonEmpty = 0;
      for (const dyad of DYADS) {
        for (const variant of VARIANTS) {
          const filter = { ...variant, dyad, ...(variant.document ? { document: edgeDocument } : {}) };
          const ids = await bothPaths(store, filter, 40);
          if (ids.length > 1) nonEmpty++;
          results[JSON.stringify(filter)] = ids;
        }
      }
      // The comparison means something only if most filters find events.
      expect(nonEmpty).toBeGreaterThan((DYADS.length * VARIANTS.length) / 2);
      // Small pages: cursors across ties of one day and across the undated end of the order.
      for (const filter of [{ dyad: 'CHN-KOR', from: '2024-03-01' }, { dyad: 'KOR-CHN', sort: '-date' as const, from: '2024-01-01' }]) {
        results[`small:${JSON.stringify(filter)}`] = await bothPaths(store, filter, 3);
      }
    });

    it('stores one row per event and pair of distinct countries, as the backfill builds it', async () => {
      const rows = () => store.db.selectFrom('event_pair').selectAll().orderBy('event_id').orderBy('country_a').orderBy('country_b').execute();
      const edgeRows = await store.db.selectFrom('event_pair').select(['event_id', 'country_a', 'country_b', 'a_acts', 'b_acts', 'span_days']).where('document_id', '=', edgeDocument).orderBy('event_id').orderBy('country_a').orderBy('country_b').execute();
      const byEvent = (id: string) => edgeRows.filter((r) => r.event_id === id).map((r) => [r.country_a, r.country_b, Number(r.a_acts), Number(r.b_acts)]);
      expect(byEvent('edge-co-actors')).toEqual([['CHN', 'KOR', 0, 0]]);
      expect(byEvent('edge-two-recipients')).toEqual([['CHN', 'JPN', 1, 0], ['CHN', 'KOR', 1, 0], ['JPN', 'KOR', 0, 0]]);
      expect(byEvent('edge-self')).toEqual([['CHN', 'KOR', 1, 0]]);
      expect(byEvent('edge-igo')).toEqual([['CHN', 'IGO:UN', 0, 1]]);
      const span = (id: string) => edgeRows.find((r) => r.event_id === id)?.span_days;
      expect([span('edge-long'), span('edge-month'), span('edge-undated'), span('edge-end-only'), span('edge-unreadable')].map((v) => (v === null ? null : Number(v)))).toEqual([1826, 28, null, 1_000_000, 1_000_000]);
      const written = await rows();
      await store.db.deleteFrom('event_pair').execute();
      await backfillEventPairs(store.db, 700);
      expect(await rows()).toEqual(written);
      results.pairs = written.length;
    });

    it('migrates a store that has events but no pair table: backfill, then the indexes', async () => {
      const rows = () => store.db.selectFrom('event_pair').selectAll().orderBy('event_id').orderBy('country_a').orderBy('country_b').execute();
      const written = await rows();
      const filter = { dyad: 'CHN-KOR', from: '2024-03-01', limit: 1000 };
      const before = await selectEvents(store, filter);
      await sql`drop table event_pair`.execute(store.db);
      await sql`delete from bilat_migration where name = '0008-event-pairs'`.execute(store.db);
      const result = await migrateToLatest(store);
      expect(result.error).toBeUndefined();
      expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['0008-event-pairs', 'Success']]);
      expect(await rows()).toEqual(written);
      expect(await selectEvents(store, filter)).toEqual(before);
    });

    it('deletes the rows with their events', async () => {
      const count = async () => Number((await store.db.selectFrom('event_pair').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', edgeDocument).executeTakeFirstOrThrow()).n);
      expect(await count()).toBeGreaterThan(0);
      await store.db.deleteFrom('event').where('id', '=', 'edge-two-recipients').execute();
      expect(Number((await store.db.selectFrom('event_pair').select((eb) => eb.fn.countAll().as('n')).where('event_id', '=', 'edge-two-recipients').executeTakeFirstOrThrow()).n)).toBe(0);
      await store.db.deleteFrom('document').where('id', '=', edgeDocument).execute();
      expect(await count()).toBe(0);
      // After the deletes both paths still agree.
      await bothPaths(store, { dyad: 'CHN-KOR', from: '2024-03-01' }, 40);
    });
  });
}

describe('every dialect', () => {
  it.skipIf(DIALECTS.filter((d) => d.enabled).length < 2)('returns the same pages as SQLite', () => {
    const sqlite = seen.get('sqlite');
    expect(sqlite).toBeDefined();
    for (const [name, results] of seen) if (name !== 'sqlite') expect(results, name).toEqual(sqlite);
  });
});
