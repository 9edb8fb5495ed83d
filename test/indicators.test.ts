import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.js';
import { fusePending } from '../src/store/fusion.js';
import { selectIndicators } from '../src/store/queries/indicators.js';
import { flattenIndicators } from '../src/analysis/indicators.js';
import { saveSyntheticDoc, type Doc } from './fusion-fixture.js';
import { runCli, tempDir } from './helpers.js';

/**
 * A hand-computed case. January: one meeting reported by two outlets (score 4, 2 sources) and a
 * sanction (−8, culture). February: only a negated sanction (left out). March: a request (−1,
 * economic), an event of another pair, and a concession dated only "2025" (too coarse for months).
 */
const DOCS: Doc[] = [
  { id: 'i1', published: '2025-01-10', outlet: 'A', events: [{ id: 'c1', type: 'CONSULT', score: 4, actor: ['KOR'], recipient: ['CHN'], date: '2025-01-10' }, { id: 'x1', type: 'SANCTION', score: -8, actor: ['CHN'], recipient: ['KOR'], date: '2025-01-20', contexts: ['culture'] }] },
  { id: 'i2', published: '2025-01-11', outlet: 'B', events: [{ id: 'c2', type: 'CONSULT', score: 4, actor: ['CHN'], recipient: ['KOR'], date: '2025-01-10' }, { id: 'n1', type: 'SANCTION', score: -8, actor: ['CHN'], recipient: ['KOR'], date: '2025-02-02', negated: true }] },
  { id: 'i3', published: '2025-03-05', outlet: 'A', events: [{ id: 'r1', type: 'REQUEST', score: -1, actor: ['KOR'], recipient: ['CHN'], date: '2025-03-05', contexts: ['economic'] }, { id: 'j1', type: 'CONCEDE', score: 4.5, actor: ['CHN'], recipient: ['JPN'], date: '2025-03-05' }, { id: 'y1', type: 'CONCEDE', score: 4.5, actor: ['CHN'], recipient: ['KOR'], date: '2025' }] },
];

const dir = tempDir();
const db = join(dir.path, 'ind.db');
let store: Store;
beforeAll(async () => {
  store = await openStore(db);
  for (const d of DOCS) await saveSyntheticDoc(store, d);
  await fusePending(store);
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

const Q1 = { a: 'CHN', b: 'KOR', from: '2025-01-01', to: '2025-03-31' };
const pick = (rows: Array<Record<string, unknown>>, keys: string[]) => rows.map((r) => keys.map((k) => r[k]));
const KEYS = ['period', 'fused_events', 'events', 'score_sum', 'score_mean', 'cooperative_share', 'verbal_cooperation', 'material_conflict', 'verbal_conflict', 'CONSULT', 'SANCTION', 'REQUEST'];

describe('dyadic indicators', () => {
  it('count each fused event once, zero-fill empty months and leave out coarse dates', async () => {
    const s = await selectIndicators(store, { ...Q1, by: 'month' });
    expect(pick(flattenIndicators(s), KEYS)).toEqual([
      ['2025-01', 2, 2, -4, -2, 0.5, 1, 1, 0, 1, 1, 0],
      ['2025-02', 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0],
      ['2025-03', 1, 1, -1, -1, 0, 0, 0, 1, 0, 0, 1],
    ]);
    expect(s.excluded_coarser_dates).toBe(1);
  });

  it('weight by sources', async () => {
    const s = await selectIndicators(store, { ...Q1, by: 'month', weight: 'sources' });
    expect(pick(flattenIndicators(s), KEYS)[0]).toEqual(['2025-01', 2, 3, 0, 0, 0.666667, 2, 1, 0, 2, 1, 0]);
  });

  it('count mutual events in both directions and directed ones in theirs', async () => {
    const chnKor = await selectIndicators(store, { ...Q1, by: 'month', directed: true });
    const korChn = await selectIndicators(store, { ...Q1, a: 'KOR', b: 'CHN', by: 'month', directed: true });
    expect(chnKor.periods.map((p) => p.fused_events)).toEqual([2, 0, 0]);
    expect(korChn.periods.map((p) => p.fused_events)).toEqual([1, 0, 1]);
  });

  it('break down by context, and filter to one', async () => {
    const s = await selectIndicators(store, { ...Q1, by: 'month' });
    expect(s.periods[0]!.contexts.culture).toMatchObject({ events: 1, score_sum: -8, by_category: expect.objectContaining({ SANCTION: 1 }) });
    expect(s.periods[2]!.contexts.economic).toMatchObject({ events: 1, score_sum: -1 });
    const culture = await selectIndicators(store, { ...Q1, by: 'month', context: 'culture' });
    expect(culture.periods.map((p) => p.score_sum)).toEqual([-8, 0, 0]);
  });

  it('aggregate to quarters, years and ISO weeks', async () => {
    expect((await selectIndicators(store, { ...Q1, by: 'quarter' })).periods.map((p) => [p.period, p.events, p.score_sum])).toEqual([['2025-Q1', 3, -5]]);
    expect((await selectIndicators(store, { ...Q1, by: 'year' })).periods.map((p) => [p.period, p.events, p.score_sum])).toEqual([['2025', 4, -0.5]]);
    const weeks = await selectIndicators(store, { a: 'CHN', b: 'KOR', by: 'week', from: '2025-01-06', to: '2025-01-26' });
    expect(weeks.periods.map((p) => [p.period, p.start, p.events])).toEqual([['2025-W02', '2025-01-06', 1], ['2025-W03', '2025-01-13', 0], ['2025-W04', '2025-01-20', 1]]);
  });

  it('span the events when no range is given', async () => {
    expect((await selectIndicators(store, { a: 'CHN', b: 'KOR' })).periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('reject bad parameters', async () => {
    await expect(selectIndicators(store, { a: 'CHN', b: 'CHN' })).rejects.toThrow(/two different countries/);
    await expect(selectIndicators(store, { a: 'CHN', b: 'KOR', from: '2025-02-01', to: '2025-01-01' })).rejects.toThrow(/from must not be after to/);
  });
});

describe('bilat indicators', () => {
  it('prints CSV with every category and quad', async () => {
    const r = await runCli(['indicators', 'chn', 'kor', '--from', '2025-01-01', '--to', '2025-03-31', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    const [head, jan] = r.stdout.split('\n');
    expect(head).toBe('period,start,end,fused_events,events,score_sum,score_mean,cooperative_share,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,AGREE,CONSULT,SUPPORT,CONCEDE,COOPERATE,AID,RETREAT,REQUEST,ACCUSE,REJECT,THREATEN,PROTEST,SANCTION,MOBILIZE,COERCE,ASSAULT');
    expect(jan).toBe('2025-01,2025-01-01,2025-01-31,2,2,-4,-2,0.5,1,0,0,1,0,1,0,0,0,0,0,0,0,0,0,0,1,0,0,0');
    expect(r.stderr).toMatch(/CHN–KOR: 3 fused event\(s\) in 3 period\(s\); 1 left out \(dated more coarsely than a month\)/);
  });

  it.each([
    [['indicators', 'CHN'], /give two country codes/],
    [['indicators', 'CHN', 'China'], /alpha-3/],
    [['indicators', 'CHN', 'KOR', '--by', 'day'], /--by must be one of week, month, quarter, year/],
    [['indicators', 'CHN', 'KOR', '--context', 'gossip'], /unknown context "gossip"/],
    [['indicators', 'CHN', 'KOR', '--weight', 'words'], /--weight must be one of none, sources/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('bilat index', () => {
  it('explains the largest move by its events', async () => {
    const r = await runCli(['index', 'CHN', 'KOR', '--from', '2025-01-01', '--to', '2025-03-31', '--half-life', '1', '--explain', '--db', db]);
    expect(r.code).toBe(0);
    const moves = r.stdout.split('Largest monthly moves and the events behind them:\n')[1]!.split('\n');
    expect(moves[0]).toMatch(/^ {2}2025-01 {2}index -0\.92 \(−0\.92\)$/);
    expect(moves[1]).toMatch(/^ +−1\.59 {2}SANCTION CHN→KOR 2025-01-20 · score -8, 1 source\(s\) · fe-/);
    expect(moves[2]).toMatch(/^ +\+0\.67 {2}CONSULT CHN⇄KOR 2025-01-10 · score 4, 2 source\(s\) · fe-/);
  });

  it('gives one CSV row per contribution with --explain', async () => {
    const r = await runCli(['index', 'CHN', 'KOR', '--from', '2025-01-01', '--to', '2025-02-28', '--explain', '--format', 'csv', '--db', db]);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('month,index,change,part,id,label,score,sources,impulse,contribution');
    expect(rows.slice(1).map((l) => l.split(',')[3])).toEqual(['event', 'event', 'decay', 'decay']);
  });

  it.each([
    [['index', 'CHN', 'KOR', '--half-life', '0'], /--half-life must be between 0.1 and 1200/],
    [['index', 'CHN', 'KOR', '--baseline', '9'], /--baseline must be between/],
    [['index', 'CHN', 'KOR', '--weights', 'military=2'], /--weights takes QUAD=NUMBER/],
    [['index', 'CHN', 'KOR', '--gain', 'lots'], /--gain must be a number/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
