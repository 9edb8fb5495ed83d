import { existsSync, renameSync, rmSync } from 'node:fs';
import { openStore, type Store } from '../store/db.js';
import { selectEvents } from '../store/queries/events.js';
import { selectIndicators } from '../store/queries/indicators.js';
import { selectRelationsIndex } from '../store/queries/relations-index.js';
import { mulberry32 } from '../util/random.js';
import { beginBulkLoad } from './bulk.js';
import { replicateStore } from './replicate.js';
import { createSyntheticEvents } from './synthetic-events.js';

export interface Latency {
  query: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  /** Rows (or months) the query returned, averaged: what each run had to produce. */
  meanRows: number;
}

export interface QueryBench {
  dialect: string;
  events: number;
  /** Seconds spent creating the synthetic database (0 when a cached one was reused). */
  generateSeconds: number;
  latencies: Latency[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 100) / 100;
}

async function time(query: string, runs: number, run: (i: number) => Promise<number>): Promise<Latency> {
  await run(-1); // warm-up: statement preparation, first page reads
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows += await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { query, runs, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), meanRows: Math.round(rows / runs) };
}

const PAIRS: Array<[string, string]> = [['CHN', 'KOR'], ['JPN', 'KOR'], ['USA', 'CHN'], ['RUS', 'PRK'], ['DEU', 'FRA'], ['IND', 'VNM']];

/** Events generated row by row; larger stores are copies of this base (replicate.ts). */
export const BASE_EVENTS = 50_000;

/**
 * A store with `events` synthetic events: up to BASE_EVENTS from the generator
 * (src/bench/synthetic-events.ts), then copied inside the database up to the size asked for
 * (rounded up to a whole number of copies). A SQLite file is built with build-only settings
 * (bulk.ts) and reused by later runs; PostgreSQL gets a fresh schema.
 */
export async function syntheticStore(location: string, events: number, log: (line: string) => void): Promise<{ store: Store; seconds: number; events: number }> {
  const sqlite = !/^postgres/i.test(location);
  const total = Math.min(events, BASE_EVENTS) * Math.ceil(events / BASE_EVENTS);
  if (sqlite && existsSync(location)) return { store: await openStore(location), seconds: 0, events: total };
  const building = sqlite ? `${location}.building` : location;
  if (sqlite) rmSync(building, { force: true });
  const store = await openStore(building);
  let last = 0;
  const t0 = performance.now();
  // SQLite: no journal, no fsync, secondary indexes built after the load (bulk.ts).
  const bulk = await beginBulkLoad(store);
  const copies = Math.ceil(events / BASE_EVENTS);
  await createSyntheticEvents(store, {
    events: Math.min(events, BASE_EVENTS),
    onProgress: (done, total) => {
      if (done - last >= total / 5 || done === total) {
        last = done;
        log(`bench: synthetic events ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
      }
    },
  });
  await replicateStore(store, copies, (k) => log(`bench: synthetic copy ${k + 1}/${copies}`));
  log('bench: synthetic store: creating indexes');
  await bulk.finish();
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  if (!sqlite) return { store, seconds, events: total };
  await store.close();
  renameSync(building, location);
  return { store: await openStore(location), seconds, events: total };
}

/**
 * Latency of the three store queries behind the dyad views, at scale: events of a pair in one
 * month (first page), the monthly indicators of a pair, and its relations index (with the
 * endpoint's default `top`, 5 contributions a month). Months and
 * pairs vary from run to run (seeded).
 */
export async function measureQueries(store: Store, events: number, generateSeconds: number, runs: { events: number; indicators: number; index: number }): Promise<QueryBench> {
  const rand = mulberry32(42);
  const month = () => {
    const y = 2016 + Math.floor(rand() * 10);
    const m = 1 + Math.floor(rand() * 12);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, '0');
    return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
  };
  const pair = (i: number) => PAIRS[Math.max(0, i) % PAIRS.length]!;
  const latencies = [
    await time('events by dyad and month', runs.events, async (i) => {
      const [a, b] = i % 2 === 0 ? PAIRS[0]! : pair(i);
      const page = await selectEvents(store, { dyad: `${a}-${b}`, ...month() });
      return page.events.length;
    }),
    await time('indicators (dyad, monthly)', runs.indicators, async (i) => {
      const [a, b] = pair(i);
      const series = await selectIndicators(store, { a, b, by: 'month' });
      return series.periods.length;
    }),
    await time('relations index (dyad, top 5)', runs.index, async (i) => {
      const [a, b] = pair(i);
      // As `GET /relations-index` asks by default: the five largest contributions of each month in full.
      const idx = await selectRelationsIndex(store, { a, b }, { top: 5 });
      return idx.months.length;
    }),
  ];
  return { dialect: store.capabilities.dialect, events, generateSeconds, latencies };
}
