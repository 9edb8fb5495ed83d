import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import { sql, type Kysely } from 'kysely';
import { periodAt, parsePeriod, type Frequency } from '../../series/period.js';
import { derivedName, describeDerived, isDerivedName, parseDerivedName, type DerivedSpec } from '../../series/derived.js';
import type { Series, SeriesMeta, SeriesPoint } from '../../series/types.js';

export class SeriesError extends Error {}

/** One row of the catalogue: imported and derived series side by side. */
export interface CatalogueRow {
  name: string;
  kind: 'imported' | 'derived';
  title: string | null;
  unit: string;
  frequency: Frequency;
  months: string | null;
  origin_country: string | null;
  destination_country: string | null;
  points: number;
  first: string | null;
  last: string | null;
  source: string | null;
}

/**
 * Store an imported series (metadata and points) in one transaction.
 *
 * @throws SeriesError when the name exists and `replace` is false
 */
export async function saveSeries(store: Store, meta: Omit<SeriesMeta, 'kind'> & { imported_from: string | null }, points: SeriesPoint[], options: { replace: boolean; now: string }): Promise<'new' | 'replaced'> {
  if (isDerivedName(meta.name)) throw new SeriesError(`"${meta.name}": names starting with events: are reserved for derived series`);
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('series').select('name').where('name', '=', meta.name).executeTakeFirst();
    if (existing && !options.replace) throw new SeriesError(`series "${meta.name}" exists already; pass --replace to overwrite it`);
    if (existing) await trx.deleteFrom('series').where('name', '=', meta.name).execute();
    await trx
      .insertInto('series')
      .values({
        name: meta.name,
        title: meta.title,
        unit: meta.unit,
        frequency: meta.frequency,
        months: meta.months,
        origin_country: meta.origin_country,
        destination_country: meta.destination_country,
        description: meta.description,
        source: meta.source,
        imported_from: meta.imported_from,
        recorded_at: options.now,
      })
      .execute();
    for (let i = 0; i < points.length; i += 400) {
      await trx
        .insertInto('series_point')
        .values(points.slice(i, i + 400).map((p) => ({ series_name: meta.name, period: p.period, period_start: p.period_start, period_end: p.period_end, value: p.value, derived: p.derived ? 1 : 0, approximate: p.approximate ? 1 : 0, note: p.note, source: p.source })))
        .execute();
    }
    return existing ? 'replaced' : 'new';
  });
}

function toMeta(r: Database['series']): SeriesMeta {
  return { name: r.name, kind: 'imported', title: r.title, unit: r.unit, frequency: r.frequency as Frequency, months: r.months, origin_country: r.origin_country, destination_country: r.destination_country, description: r.description, source: r.source };
}

function derivedMeta(spec: DerivedSpec): SeriesMeta {
  return {
    name: spec.name,
    kind: 'derived',
    title: describeDerived(spec),
    unit: spec.measure === 'count' ? 'events' : 'PLOVER score',
    frequency: 'month',
    months: null,
    origin_country: spec.source,
    destination_country: spec.target,
    description: 'Derived from stored events (not negated, hypothetical or future), dated by the event date, else the publication date.',
    source: 'Bilat event extraction',
  };
}

/** Event rows usable for derived series: not negated, hypothetical or future; with a month. */
function baseEvents(db: Kysely<Database>) {
  return db
    .selectFrom('event')
    .innerJoin('document', 'document.id', 'event.document_id')
    .where('event.negated', '=', 0)
    .where('event.hypothetical', '=', 0)
    .where('event.future', '=', 0);
}

/** `YYYY-MM` of the event date, else of the publication date (substr and coalesce exist in SQLite and PostgreSQL). */
const MONTH = sql<string>`substr(coalesce(event.date_start, document.published), 1, 7)`;

/** Months from the first to the last event month in the store (the span a zero count is meaningful in). */
async function corpusMonths(db: Kysely<Database>): Promise<{ first: string; last: string } | null> {
  const r = await baseEvents(db)
    .select((eb) => [eb.fn.min(MONTH).as('first'), eb.fn.max(MONTH).as('last')])
    .executeTakeFirst();
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}

async function derivedPoints(db: Kysely<Database>, spec: DerivedSpec): Promise<SeriesPoint[]> {
  let q = baseEvents(db)
    .where((eb) => eb.exists(eb.selectFrom('event_actor as a').select('a.event_id').whereRef('a.event_id', '=', 'event.id').where('a.role', '=', 'actor').where('a.country', '=', spec.source)))
    .where((eb) => eb.exists(eb.selectFrom('event_actor as r').select('r.event_id').whereRef('r.event_id', '=', 'event.id').where('r.role', '=', 'recipient').where('r.country', '=', spec.target)));
  const f = spec.filter;
  if (f && 'context' in f) q = q.where('event.contexts', 'like', `%,${f.context},%`);
  if (f && 'event_type' in f) q = q.where('event.event_type', '=', f.event_type);
  if (f && 'quad' in f) q = q.where('event.quad', '=', f.quad);
  const rows = await q
    .select((eb) => [MONTH.as('month'), eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('event.score').as('score_sum'), eb.fn.avg<number>('event.score').as('score_mean')])
    .groupBy(MONTH)
    .execute();
  const byMonth = new Map(rows.filter((r) => r.month && /^\d{4}-\d{2}$/.test(String(r.month))).map((r) => [String(r.month), r]));
  const span = spec.measure === 'score_mean' ? null : await corpusMonths(db);
  const labels = span ? monthRange(span.first, span.last) : [...byMonth.keys()].sort();
  return labels.map((label) => {
    const p = parsePeriod(label, 'month')!;
    const r = byMonth.get(label);
    const value = spec.measure === 'count' ? Number(r?.n ?? 0) : spec.measure === 'score_sum' ? Number(r?.score_sum ?? 0) : Number(r!.score_mean);
    return { period: p.label, period_start: p.start, period_end: p.end, value, derived: true, approximate: false, note: null, source: null };
  });
}

function monthRange(first: string, last: string): string[] {
  const a = parsePeriod(first, 'month');
  const b = parsePeriod(last, 'month');
  if (!a || !b) return [];
  const out: string[] = [];
  for (let i = a.index; i <= b.index; i++) out.push(periodAt(i, 'month').label);
  return out;
}

/**
 * A series by name, imported or derived (`events:CHN-KOR:culture`), with its points in order.
 *
 * @throws SeriesError when the name is malformed or unknown
 */
export async function selectSeries(store: Store, name: string): Promise<Series> {
  if (isDerivedName(name)) {
    const spec = parseDerivedName(name);
    if (typeof spec === 'string') throw new SeriesError(spec);
    return { meta: derivedMeta(spec), points: await derivedPoints(store.db, spec) };
  }
  const row = await store.db.selectFrom('series').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new SeriesError(`no series named "${name}" (see \`bilat series list\`)`);
  const points = await store.db.selectFrom('series_point').selectAll().where('series_name', '=', name).orderBy('period_start').execute();
  return {
    meta: toMeta(row),
    points: points.map((p) => ({ period: p.period, period_start: p.period_start, period_end: p.period_end, value: Number(p.value), derived: Number(p.derived) === 1, approximate: Number(p.approximate) === 1, note: p.note, source: p.source })),
  };
}

/**
 * Imported series with counts and spans, then derived series for every dyad (and its contexts)
 * found in the events. `kind: 'imported'` skips the derived ones, which group every stored event
 * (seconds at 100,000 events); `kind: 'derived'` gives only those.
 */
export async function selectCatalogue(store: Store, options: { kind?: 'imported' | 'derived' } = {}): Promise<CatalogueRow[]> {
  const imported = await store.db
    .selectFrom('series')
    .leftJoin('series_point', 'series_point.series_name', 'series.name')
    .select((eb) => [
      'series.name',
      'series.title',
      'series.unit',
      'series.frequency',
      'series.months',
      'series.origin_country',
      'series.destination_country',
      'series.source',
      eb.fn.count<number>('series_point.period').as('points'),
      eb.fn.min('series_point.period').as('first'),
      eb.fn.max('series_point.period').as('last'),
    ])
    .groupBy(['series.name', 'series.title', 'series.unit', 'series.frequency', 'series.months', 'series.origin_country', 'series.destination_country', 'series.source'])
    .orderBy('series.name')
    .execute();
  const rows: CatalogueRow[] = imported.map((r) => ({
    name: r.name,
    kind: 'imported',
    title: r.title,
    unit: r.unit,
    frequency: r.frequency as Frequency,
    months: r.months,
    origin_country: r.origin_country,
    destination_country: r.destination_country,
    points: Number(r.points),
    first: r.first === null ? null : String(r.first),
    last: r.last === null ? null : String(r.last),
    source: r.source,
  }));
  if (options.kind === 'imported') return rows;
  const groups = await baseEvents(store.db)
    .innerJoin('event_actor as a', (j) => j.onRef('a.event_id', '=', 'event.id').on('a.role', '=', 'actor'))
    .innerJoin('event_actor as r', (j) => j.onRef('r.event_id', '=', 'event.id').on('r.role', '=', 'recipient'))
    .where('a.country', 'is not', null)
    .where('r.country', 'is not', null)
    .select((eb) => ['a.country as source', 'r.country as target', 'event.contexts as contexts', eb.fn.count<number>('event.id').distinct().as('n'), eb.fn.min(MONTH).as('first'), eb.fn.max(MONTH).as('last')])
    .groupBy(['a.country', 'r.country', 'event.contexts'])
    .execute();
  const derived = new Map<string, CatalogueRow>();
  const add = (source: string, target: string, context: string | null, first: string, last: string) => {
    if (source === target) return;
    const name = derivedName(source, target, context);
    const spec = parseDerivedName(name) as DerivedSpec;
    const row = derived.get(name);
    if (row) {
      row.first = row.first! < first ? row.first : first;
      row.last = row.last! > last ? row.last : last;
    } else {
      const m = derivedMeta(spec);
      derived.set(name, { name, kind: 'derived', title: m.title, unit: m.unit, frequency: 'month', months: null, origin_country: source, destination_country: target, points: 0, first, last, source: m.source });
    }
  };
  for (const g of groups) {
    if (!g.first || !g.last) continue;
    const [source, target, first, last] = [String(g.source), String(g.target), String(g.first), String(g.last)];
    add(source, target, null, first, last);
    for (const c of String(g.contexts).split(',').filter(Boolean)) add(source, target, c, first, last);
  }
  for (const row of derived.values()) row.points = monthRange(row.first!, row.last!).length;
  return [...(options.kind === 'derived' ? [] : rows), ...[...derived.values()].sort((a, b) => a.name.localeCompare(b.name))];
}
