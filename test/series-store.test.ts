import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.js';
import { saveSeries, selectCatalogue, selectSeries, SeriesError } from '../src/store/queries/series.js';
import { makeEvent, storeEvents } from './events.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

const meta = { name: 'arrivals', title: null, unit: 'persons', frequency: 'month' as const, months: null, origin_country: 'CHN', destination_country: 'KOR', description: null, source: 'test', imported_from: 'a.csv' };
const point = (period: string, value: number) => ({ period, period_start: `${period}-01`, period_end: `${period}-28`, value, derived: false, approximate: false, note: null, source: null });

describe('imported series', () => {
  it('saves, reads back in order, and refuses to overwrite without replace', async () => {
    await saveSeries(store, meta, [point('2024-12', 2), point('2024-11', 1)], { replace: false, now: '2026-11-23T00:00:00Z' });
    const s = await selectSeries(store, 'arrivals');
    expect(s.points.map((p) => [p.period, p.value])).toEqual([
      ['2024-11', 1],
      ['2024-12', 2],
    ]);
    await expect(saveSeries(store, meta, [point('2024-11', 9)], { replace: false, now: 'x' })).rejects.toThrow(/--replace/);
    await saveSeries(store, meta, [point('2024-11', 9)], { replace: true, now: 'x' });
    expect((await selectSeries(store, 'arrivals')).points.map((p) => p.value)).toEqual([9]);
  });

  it('an unknown name is a SeriesError', async () => {
    await expect(selectSeries(store, 'nope')).rejects.toThrow(SeriesError);
  });
});

describe('series derived from events', () => {
  const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, text: d, source: 'stated' as const });
  beforeEach(async () => {
    await storeEvents(store, 'doc-1', '2025-01-20', [
      makeEvent({ id: 'e1', contexts: ['culture'], date: day('2025-01-03'), score: 4 }),
      makeEvent({ id: 'e2', contexts: ['culture', 'tourism'], date: day('2025-01-09'), score: 2 }),
      makeEvent({ id: 'e3', contexts: ['diplomatic'], date: null, score: 1 }),
      makeEvent({ id: 'e4', contexts: ['culture'], date: day('2025-01-10'), negated: true }),
      makeEvent({
        id: 'e5',
        contexts: ['culture'],
        date: day('2025-03-02'),
        score: -6,
        event_type: 'SANCTION',
        actor: [{ text: 'Seoul', name: 'South Korea', country: 'KOR', sector: 'GOV' }],
        recipient: [{ text: 'Beijing', name: 'China', country: 'CHN', sector: 'GOV' }],
      }),
      makeEvent({ id: 'e6', contexts: ['culture'], date: day('2025-03-15'), score: 6 }),
    ]);
  });

  it('counts events per month for a directed pair, with zeros inside the corpus span', async () => {
    const s = await selectSeries(store, 'events:CHN-KOR');
    expect(s.meta).toMatchObject({ kind: 'derived', unit: 'events', frequency: 'month', origin_country: 'CHN' });
    // e1, e2, e3 (dated by publication) in January; negated e4 left out; e6 in March; e5 goes the other way.
    expect(s.points.map((p) => [p.period, p.value])).toEqual([
      ['2025-01', 3],
      ['2025-02', 0],
      ['2025-03', 1],
    ]);
  });

  it('filters by context and measures scores', async () => {
    expect((await selectSeries(store, 'events:CHN-KOR:culture')).points.map((p) => p.value)).toEqual([2, 0, 1]);
    expect((await selectSeries(store, 'events:CHN-KOR:culture:score_sum')).points.map((p) => p.value)).toEqual([6, 0, 6]);
    expect((await selectSeries(store, 'events:CHN-KOR:culture:score_mean')).points.map((p) => [p.period, p.value])).toEqual([
      ['2025-01', 3],
      ['2025-03', 6],
    ]);
    expect((await selectSeries(store, 'events:KOR-CHN:SANCTION')).points.map((p) => p.value)).toEqual([0, 0, 1]);
  });

  it('the catalogue lists imported and derived series together', async () => {
    await saveSeries(store, meta, [point('2024-11', 1)], { replace: false, now: 'x' });
    const rows = await selectCatalogue(store);
    expect(rows.map((r) => `${r.kind} ${r.name}`)).toEqual([
      'imported arrivals',
      'derived events:CHN-KOR',
      'derived events:CHN-KOR:culture',
      'derived events:CHN-KOR:diplomatic',
      'derived events:CHN-KOR:tourism',
      'derived events:KOR-CHN',
      'derived events:KOR-CHN:culture',
    ]);
    expect(rows.find((r) => r.name === 'events:CHN-KOR')).toMatchObject({ first: '2025-01', last: '2025-03', points: 3 });
  });
});
