import type { Quad } from '../types.js';
import { periodsBetween, type Grid } from './grid.js';

/**
 * Dyadic indicators from fused events (docs/indicators.md): per period, counts by category and
 * quad class, summed and mean PLOVER score, and the share of cooperative events — overall and
 * per context. With `weight: 'sources'` every fused event counts as many times as it has
 * outlets; otherwise once, however often it was reported.
 */

export const QUADS: Quad[] = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];
const COOPERATIVE = new Set<string>(['verbal_cooperation', 'material_cooperation']);

/** The input rows: one per period × context (null = all) × category × quad. */
export interface IndicatorRow {
  period: string;
  context: string | null;
  event_type: string;
  quad: string;
  /** Fused events. */
  n: number;
  /** Σ sources. */
  w: number;
  /** Σ score. */
  s: number;
  /** Σ score × sources. */
  sw: number;
}

export interface Measures {
  /** Fused events (never weighted). */
  fused_events: number;
  /** Events counted: fused events, or Σ sources when weighted. */
  events: number;
  score_sum: number;
  /** score_sum / events; null without events. */
  score_mean: number | null;
  /** Cooperative quads' share of events; null without events. */
  cooperative_share: number | null;
  by_quad: Record<Quad, number>;
  by_category: Record<string, number>;
}

export interface IndicatorPeriod extends Measures {
  period: string;
  start: string;
  end: string;
  contexts: Record<string, Measures>;
}

export interface IndicatorSeries {
  a: string;
  b: string;
  directed: boolean;
  by: Grid;
  weight: 'none' | 'sources';
  context: string | null;
  periods: IndicatorPeriod[];
  /** Fused events left out because their date is coarser than one period. */
  excluded_coarser_dates: number;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function measure(rows: IndicatorRow[], categories: string[], weighted: boolean): Measures {
  const by_quad = Object.fromEntries(QUADS.map((q) => [q, 0])) as Record<Quad, number>;
  const by_category = Object.fromEntries(categories.map((c) => [c, 0]));
  let events = 0;
  let fused = 0;
  let score = 0;
  let coop = 0;
  for (const r of rows) {
    const k = weighted ? r.w : r.n;
    fused += r.n;
    events += k;
    score += weighted ? r.sw : r.s;
    by_quad[r.quad as Quad] = (by_quad[r.quad as Quad] ?? 0) + k;
    by_category[r.event_type] = (by_category[r.event_type] ?? 0) + k;
    if (COOPERATIVE.has(r.quad)) coop += k;
  }
  return {
    fused_events: fused,
    events,
    score_sum: round(score),
    score_mean: events ? round(score / events) : null,
    cooperative_share: events ? round(coop / events) : null,
    by_quad,
    by_category,
  };
}

export interface BuildOptions {
  a: string;
  b: string;
  directed: boolean;
  by: Grid;
  weight: 'none' | 'sources';
  context?: string | null;
  from?: string;
  to?: string;
  /** Every category, for stable columns (the ontology's 16). */
  categories: string[];
  excludedCoarser?: number;
}

/**
 * Assemble the indicator series from aggregate rows: every period from `from` to `to` (default:
 * the first and last period with events), zero-filled.
 *
 * @example buildIndicators(rows, { a: 'CHN', b: 'KOR', directed: false, by: 'month', weight: 'none', categories })
 */
export function buildIndicators(rows: IndicatorRow[], o: BuildOptions): IndicatorSeries {
  const overall = rows.filter((r) => r.context === null);
  const labels = [...new Set(overall.map((r) => r.period))].sort();
  const first = o.from ?? (labels[0] ? periodStart(labels[0], o.by) : undefined);
  const last = o.to ?? (labels.length ? periodStart(labels[labels.length - 1]!, o.by) : undefined);
  const periods = first && last ? periodsBetween(first, last, o.by) : [];
  const contexts = [...new Set(rows.map((r) => r.context).filter((c): c is string => c !== null))].sort();
  const weighted = o.weight === 'sources';
  const byCell = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    const k = `${r.period}\u0000${r.context ?? ''}`;
    const list = byCell.get(k);
    if (list) list.push(r);
    else byCell.set(k, [r]);
  }
  const cell = (period: string, context: string | null) => byCell.get(`${period}\u0000${context ?? ''}`) ?? [];
  return {
    a: o.a,
    b: o.b,
    directed: o.directed,
    by: o.by,
    weight: o.weight,
    context: o.context ?? null,
    periods: periods.map((p) => ({
      period: p.label,
      start: p.start,
      end: p.end,
      ...measure(cell(p.label, null), o.categories, weighted),
      contexts: Object.fromEntries(contexts.map((c) => [c, measure(cell(p.label, c), o.categories, weighted)])),
    })),
    excluded_coarser_dates: o.excludedCoarser ?? 0,
  };
}

/** First day of a period label of a grid (`2025-W02`, `2025-01`, `2025-Q1`, `2025`). */
export function periodStart(label: string, grid: Grid): string {
  if (grid === 'month') return `${label}-01`;
  if (grid === 'year') return `${label}-01-01`;
  if (grid === 'quarter') {
    const [y, q] = label.split('-Q') as [string, string];
    return `${y}-${String(Number(q) * 3 - 2).padStart(2, '0')}-01`;
  }
  const [y, w] = label.split('-W') as [string, string];
  const jan4 = new Date(Date.UTC(Number(y), 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(w) - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

/** One flat row per period for tables and CSV: counts, scores, shares, quads and categories. */
export function flattenIndicators(s: IndicatorSeries, context: string | null = null): Array<Record<string, unknown>> {
  return s.periods.map((p) => {
    const m: Measures = context ? (p.contexts[context] ?? measure([], Object.keys(p.by_category), s.weight === 'sources')) : p;
    return {
      period: p.period,
      start: p.start,
      end: p.end,
      fused_events: m.fused_events,
      events: m.events,
      score_sum: m.score_sum,
      score_mean: m.score_mean,
      cooperative_share: m.cooperative_share,
      ...m.by_quad,
      ...m.by_category,
    };
  });
}
