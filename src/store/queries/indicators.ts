import { sql } from 'kysely';
import { z } from 'zod';
import { GRIDS } from '../../analysis/grid.js';
import { buildIndicators, type IndicatorSeries } from '../../analysis/indicators.js';
import { getOntology } from '../../knowledge/ontology.js';
import type { Store } from '../db.js';
import { IsoDay } from './page.js';

const country = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN');

/**
 * Parameters of dyadic indicators (docs/indicators.md), shared by the CLI and the API.
 *
 * - `a`, `b`: the pair; `directed`: only events where `a` acts on `b` (default: either way)
 * - `by`: the period grid; `from`/`to`: days bounding the periods shown (default: first and last event)
 * - `context`: only fused events with this context
 * - `weight`: `sources` weights every fused event by its number of outlets
 */
export const IndicatorFilterSchema = z
  .strictObject({
    a: country,
    b: country,
    directed: z.boolean().default(false),
    by: z.enum(GRIDS).default('month'),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    context: z.string().regex(/^[a-z_]+$/, 'a context such as culture').optional(),
    weight: z.enum(['none', 'sources']).default('none'),
  })
  .refine((f) => f.a !== f.b, 'a and b must be two different countries')
  .refine((f) => !f.from || !f.to || f.from <= f.to, 'from must not be after to');
export type IndicatorFilter = z.input<typeof IndicatorFilterSchema>;
export type IndicatorParams = z.output<typeof IndicatorFilterSchema>;

/** One aggregate row: fused events of one period, category and quad (and context, for the per-context rows). */
export interface AggregateRow {
  period: string;
  context: string | null;
  event_type: string;
  quad: string;
  /** Number of fused events. */
  n: number;
  /** Σ sources. */
  w: number;
  /** Σ score. */
  s: number;
  /** Σ score × sources. */
  sw: number;
}

export interface IndicatorAggregates {
  rows: AggregateRow[];
  /** Fused events of the pair in the range whose date is coarser than the grid (e.g. "in 2016" on a monthly grid). */
  coarser: number;
}

/**
 * Aggregate the fused events of a pair in SQL: counts, Σ sources, Σ score and Σ score × sources
 * per period, category and quad, overall and per context. Only asserted fused events count
 * (not negated, hypothetical or only announced). One grouped query on `fused_pair` (migration
 * 0007-fused-pairs), whose rows for the pair are one index range and carry every column used:
 * grouped by the set of contexts as well, so the same rows give the overall sums and, split by
 * context, the per-context ones.
 *
 * @example const { rows } = await aggregateIndicators(store, { a: 'CHN', b: 'KOR', by: 'month' });
 */
export async function aggregateIndicators(store: Store, input: IndicatorFilter): Promise<IndicatorAggregates> {
  const f = IndicatorFilterSchema.parse(input);
  const col = `fused_pair.period_${f.by}` as const;
  let q = store.db.selectFrom('fused_pair').where('fused_pair.country', '=', f.a).where('fused_pair.other', '=', f.b).where('fused_pair.status', '=', 'asserted');
  if (f.directed) q = q.where('fused_pair.acts', '=', 1);
  if (f.from) q = q.where('fused_pair.date_end', '>=', f.from);
  if (f.to) q = q.where('fused_pair.date_start', '<=', f.to);
  // `_` may appear in a context: escaped, it matches itself only.
  if (f.context) q = q.where(sql<boolean>`fused_pair.contexts like ${`%,${f.context.replaceAll('_', '\\_')},%`} escape '\\'`);
  const grouped = await q
    .where(col, 'is not', null)
    .select([
      sql<string>`${sql.ref(col)}`.as('period'),
      'fused_pair.contexts',
      'fused_pair.event_type',
      'fused_pair.quad',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(fused_pair.sources)`.as('w'),
      sql<number>`sum(fused_pair.score)`.as('s'),
      sql<number>`sum(fused_pair.score * fused_pair.sources)`.as('sw'),
    ])
    .groupBy([col, 'fused_pair.contexts', 'fused_pair.event_type', 'fused_pair.quad'])
    .execute();
  const coarse = await q
    .where(col, 'is', null)
    .where('fused_pair.date_start', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const num = (v: unknown) => Number(v ?? 0);
  const cells = new Map<string, AggregateRow>();
  const add = (period: string, context: string | null, r: (typeof grouped)[number]) => {
    const key = `${period}\u0000${context ?? ''}\u0000${r.event_type}\u0000${r.quad}`;
    const cell = cells.get(key);
    if (cell) {
      cell.n += num(r.n);
      cell.w += num(r.w);
      cell.s += num(r.s);
      cell.sw += num(r.sw);
    } else cells.set(key, { period, context, event_type: r.event_type, quad: r.quad, n: num(r.n), w: num(r.w), s: num(r.s), sw: num(r.sw) });
  };
  for (const r of grouped) {
    const period = String(r.period);
    add(period, null, r);
    for (const context of r.contexts.split(',')) if (context) add(period, context, r);
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const rows = [...cells.values()].sort((x, y) => cmp(x.period, y.period) || cmp(x.context ?? '', y.context ?? '') || cmp(x.event_type, y.event_type) || cmp(x.quad, y.quad));
  return { rows, coarser: num(coarse?.n) };
}

/**
 * The indicator series of a pair: aggregated in SQL, zero-filled over the periods.
 *
 * @example const series = await selectIndicators(store, { a: 'CHN', b: 'KOR', by: 'quarter', context: 'culture' });
 */
export async function selectIndicators(store: Store, input: IndicatorFilter): Promise<IndicatorSeries> {
  const f = IndicatorFilterSchema.parse(input);
  const { rows, coarser } = await aggregateIndicators(store, f);
  return buildIndicators(rows, { ...f, categories: [...getOntology().byId.keys()], excludedCoarser: coarser });
}
