import { z } from 'zod';
import type { Quad } from '../types.js';
import { nextPeriod, periodOf } from './grid.js';

/**
 * A monthly relations index on −9 (confrontation) … +9 (friendly) for a pair, in the spirit of the
 * Tsinghua University index of China's bilateral relations. The formula is in docs/indicators.md;
 * in short, with d = 2^(−1/half_life):
 *
 *   impulse(e) = gain × score/10 × weight(quad) × (1 + ln sources)      (or × 1 without damping)
 *   x_t = x_b + d × (x_{t−1} − x_b) + Σ impulse(e in month t)            x_b = 9·artanh(baseline/9)
 *   index_t = 9 × tanh(x_t / 9)
 *
 * Each month's change of the index is split exactly between the decay toward the baseline and
 * the month's events, in proportion to their parts of the change of x.
 */

const QUAD = z.enum(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict']);
const country = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const DEFAULT_WEIGHTS: Record<Quad, number> = { verbal_cooperation: 1, material_cooperation: 2, verbal_conflict: 1, material_conflict: 2 };

export const IndexParamsSchema = z
  .strictObject({
    a: country,
    b: country,
    /** Only events where `a` acts on `b` (mutual events count either way). */
    directed: z.boolean().default(false),
    /** First and last day of the months shown (default: the first and last month with events). */
    from: day.optional(),
    to: day.optional(),
    /** Months after which an event's effect has halved. */
    half_life: z.number().positive().max(1200).default(6),
    /** The level the index relaxes to without events, on the index scale. */
    baseline: z.number().gt(-9).lt(9).default(0),
    /** Scale of every impulse. */
    gain: z.number().positive().max(100).default(1),
    /** Impact weight of each quad class. */
    weights: z.record(QUAD, z.number().min(0).max(100)).default(DEFAULT_WEIGHTS),
    /** `log`: an event reported by n outlets weighs 1 + ln n; `none`: 1. */
    source_damping: z.enum(['log', 'none']).default('log'),
  })
  .refine((p) => p.a !== p.b, 'a and b must be two different countries')
  .refine((p) => !p.from || !p.to || p.from <= p.to, 'from must not be after to');
export type IndexParamsInput = z.input<typeof IndexParamsSchema>;
export type IndexParams = z.output<typeof IndexParamsSchema>;

/** A fused event as the index sees it. */
export interface IndexEvent {
  id: string;
  /** `YYYY-MM` */
  month: string;
  score: number;
  quad: Quad;
  sources: number;
  event_type: string;
  /** A readable description, e.g. `CONSULT CHN⇄KOR 2026-01-05 Beijing`. */
  label: string;
}

export interface Contribution {
  id: string;
  label: string;
  event_type: string;
  score: number;
  sources: number;
  /** The event's impulse on the raw scale. */
  impulse: number;
  /** Its part of this month's change of the index. */
  contribution: number;
}

export interface IndexMonth {
  month: string;
  index: number;
  /** index − previous month's index. */
  change: number;
  /** The raw state x. */
  raw: number;
  /** Part of the change due to decay toward the baseline. */
  decay: number;
  /** Events of the month, largest |contribution| first. */
  events: Contribution[];
}

export interface RelationsIndex {
  params: IndexParams;
  /** Index before the first month shown. */
  start: number;
  months: IndexMonth[];
}

/** Rounded to `digits` decimals, without a negative zero. */
const R = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits + 0;

/** The impulse of one event on the raw scale. */
export function impulse(e: Pick<IndexEvent, 'score' | 'quad' | 'sources'>, p: Pick<IndexParams, 'gain' | 'weights' | 'source_damping'>): number {
  const damp = p.source_damping === 'log' ? 1 + Math.log(Math.max(1, e.sources)) : 1;
  return p.gain * (e.score / 10) * (p.weights[e.quad] ?? 0) * damp;
}

function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = periodOf(`${first}-01`, 'month'); p.label <= last; p = nextPeriod(p, 'month')) out.push(p.label);
  return out;
}

/**
 * Compute the index month by month. The state starts at the baseline in the month before the
 * earlier of the first event and `from`, so the level shown at `from` carries the history.
 *
 * @example computeRelationsIndex(events, IndexParamsSchema.parse({ a: 'CHN', b: 'KOR', half_life: 6 }))
 */
export function computeRelationsIndex(events: IndexEvent[], params: IndexParams): RelationsIndex {
  const byMonth = new Map<string, IndexEvent[]>();
  for (const e of events) {
    const list = byMonth.get(e.month);
    if (list) list.push(e);
    else byMonth.set(e.month, [e]);
  }
  const eventMonths = [...byMonth.keys()].sort();
  const fromMonth = params.from?.slice(0, 7) ?? eventMonths[0];
  const toMonth = params.to?.slice(0, 7) ?? eventMonths[eventMonths.length - 1];
  if (!fromMonth || !toMonth) return { params, start: params.baseline, months: [] };
  const first = eventMonths[0] && eventMonths[0] < fromMonth ? eventMonths[0] : fromMonth;
  const d = 2 ** (-1 / params.half_life);
  const xb = 9 * Math.atanh(params.baseline / 9);
  let x = xb;
  let index = 9 * Math.tanh(x / 9);
  let start = index;
  const months: IndexMonth[] = [];
  for (const month of monthsFrom(first, toMonth)) {
    const list = [...(byMonth.get(month) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
    const parts = list.map((e) => impulse(e, params));
    const decayPart = (d - 1) * (x - xb);
    const dx = decayPart + parts.reduce((s, v) => s + v, 0);
    const nx = x + dx;
    const nIndex = 9 * Math.tanh(nx / 9);
    // The squash's slope over the month: (Δindex / Δx), or its derivative when x did not move.
    const slope = dx !== 0 ? (nIndex - index) / dx : 1 - Math.tanh(x / 9) ** 2;
    if (month < fromMonth) {
      x = nx;
      index = nIndex;
      start = index;
      continue;
    }
    const contributions = list
      .map((e, i) => ({ id: e.id, label: e.label, event_type: e.event_type, score: e.score, sources: e.sources, impulse: R(parts[i]!), contribution: R(parts[i]! * slope) }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.id < b.id ? -1 : 1));
    months.push({ month, index: R(nIndex), change: R(nIndex - index), raw: R(nx), decay: R(decayPart * slope), events: contributions });
    x = nx;
    index = nIndex;
  }
  return { params, start: R(start), months };
}

/** The months with the largest moves, largest |change| first (ties: earlier month). */
export function largestMoves(index: RelationsIndex, n = 5): IndexMonth[] {
  return [...index.months]
    .filter((m) => m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.month.localeCompare(b.month))
    .slice(0, n);
}
