import { sql } from 'kysely';
import { z } from 'zod';
import { GRIDS } from '../../analysis/grid.js';
import { buildIndicators, type IndicatorSeries } from '../../analysis/indicators.js';
import { getOntology } from '../../knowledge/ontology.js';
import type { Store } from '../db.js';
import { dyadCondition } from './fused-events.js';
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
 * (not negated, hypothetical or only announced). Uses the indexes on (status, period) and on
 * the parties' countries.
 *
 * @example const { rows } = await aggregateIndicators(store, { a: 'CHN', b: 'KOR', by: 'month' });
 */
export async function aggregateIndicators(store: Store, input: IndicatorFilter): Promise<IndicatorAggregates> {
  const f = IndicatorFilterSchema.parse(input);
  const col = `fused_event.period_${f.by}` as const;
  const base = () => {
    let q = store.db.selectFrom('fused_event').where('fused_event.status', '=', 'asserted').where((eb) => dyadCondition(eb, f.a, f.b, f.directed));
    if (f.from) q = q.where('fused_event.date_end', '>=', f.from);
    if (f.to) q = q.where('fused_event.date_start', '<=', f.to);
    if (f.context) q = q.where((eb) => eb.exists(eb.selectFrom('fused_context').select(sql`1`.as('one')).whereRef('fused_context.fused_id', '=', 'fused_event.id').where('fused_context.context', '=', f.context!)));
    return q;
  };
  const measures = [
    sql<number>`count(*)`.as('n'),
    sql<number>`sum(fused_event.sources)`.as('w'),
    sql<number>`sum(fused_event.score)`.as('s'),
    sql<number>`sum(fused_event.score * fused_event.sources)`.as('sw'),
  ];
  const overall = await base()
    .where(col, 'is not', null)
    .select([sql<string>`${sql.ref(col)}`.as('period'), 'fused_event.event_type', 'fused_event.quad', ...measures])
    .groupBy([col, 'fused_event.event_type', 'fused_event.quad'])
    .execute();
  const perContext = await base()
    .innerJoin('fused_context', 'fused_context.fused_id', 'fused_event.id')
    .where(col, 'is not', null)
    .select([sql<string>`${sql.ref(col)}`.as('period'), 'fused_context.context', 'fused_event.event_type', 'fused_event.quad', ...measures])
    .groupBy([col, 'fused_context.context', 'fused_event.event_type', 'fused_event.quad'])
    .execute();
  const coarse = await base()
    .where(col, 'is', null)
    .where('fused_event.date_start', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const num = (v: unknown) => Number(v ?? 0);
  const rows: AggregateRow[] = [
    ...overall.map((r) => ({ period: String(r.period), context: null, event_type: r.event_type, quad: r.quad, n: num(r.n), w: num(r.w), s: num(r.s), sw: num(r.sw) })),
    ...perContext.map((r) => ({ period: String(r.period), context: r.context, event_type: r.event_type, quad: r.quad, n: num(r.n), w: num(r.w), s: num(r.s), sw: num(r.sw) })),
  ];
  rows.sort((x, y) => x.period.localeCompare(y.period) || (x.context ?? '').localeCompare(y.context ?? '') || x.event_type.localeCompare(y.event_type) || x.quad.localeCompare(y.quad));
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
