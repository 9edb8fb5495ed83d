import type { FusedEvent } from '../../analysis/fusion/summarize.js';
import { computeRelationsIndex, IndexParamsSchema, type IndexEvent, type IndexMonth, type IndexParamsInput, type RelationsIndex } from '../../analysis/relations-index.js';
import type { Quad } from '../../types.js';
import type { Store } from '../db.js';
import { selectFusedRecords } from './fused-events.js';

/** `CONSULT/visit CHN⇄KOR 2026-01-05 Beijing`: enough to recognise a fused event in a list. */
export function fusedLabel(e: FusedEvent): string {
  const parties = e.mutual ? e.actor.join('⇄') : `${e.actor.join('+') || '?'}→${e.recipient.join('+') || '-'}`;
  const date = e.date ? (e.date.precision === 'day' ? e.date.start : `${e.date.start.slice(0, 7)} (${e.date.precision})`) : 'undated';
  return `${e.event_type}${e.mode ? `/${e.mode}` : ''} ${parties} ${date}${e.location ? ` ${e.location.text}` : ''}`;
}

/**
 * Fused events of a pair that the index counts (asserted, and dated within one month), with only
 * what the index computes on: read from `fused_pair` (migration 0007-fused-pairs), one index
 * range, without the fused events' records. `label` is empty; see `selectRelationsIndex`.
 */
export async function selectIndexEvents(store: Store, a: string, b: string, directed: boolean): Promise<IndexEvent[]> {
  let q = store.db
    .selectFrom('fused_pair')
    .select(['fused_id', 'period_month', 'score', 'quad', 'sources', 'event_type'])
    .where('country', '=', a)
    .where('other', '=', b)
    .where('status', '=', 'asserted')
    .where('period_month', 'is not', null);
  if (directed) q = q.where('acts', '=', 1);
  // No order: the index sorts each month's events by id itself.
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.fused_id, month: r.period_month!, score: Number(r.score), quad: r.quad as Quad, sources: Number(r.sources), event_type: r.event_type, label: '' }));
}

/** Oldest first, then by id (the order of the fused event lists). */
const byDate = (x: FusedEvent, y: FusedEvent) => {
  const dx = x.date?.start ?? '9999-99-99';
  const dy = y.date?.start ?? '9999-99-99';
  return dx < dy ? -1 : dx > dy ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
};

export interface RelationsIndexMonth extends IndexMonth {
  /** Events of the month before `top` cut the list. */
  event_count: number;
}

export interface RelationsIndexResult extends Omit<RelationsIndex, 'months'> {
  months: RelationsIndexMonth[];
  /** The fused events behind the contributions listed, by id. */
  events?: Record<string, FusedEvent>;
}

export interface RelationsIndexOptions {
  /** List only the `top` largest contributions of each month (default all); `event_count` keeps the total. */
  top?: number;
  /** `full` (default): include `events`, the fused events of the kept contributions; `none`: leave them out. */
  events?: 'full' | 'none';
}

/**
 * The relations index of a pair with its per-event contributions (docs/indicators.md). The
 * index is computed from every event; only the fused events of the contributions listed are
 * read in full (for their labels and `events`), so `top` keeps a long history cheap.
 *
 * @example const idx = await selectRelationsIndex(store, { a: 'CHN', b: 'KOR', half_life: 6, from: '2016-01-01' }, { top: 5 });
 */
export async function selectRelationsIndex(store: Store, input: IndexParamsInput, options: RelationsIndexOptions = {}): Promise<RelationsIndexResult> {
  const params = IndexParamsSchema.parse(input);
  const index = computeRelationsIndex(await selectIndexEvents(store, params.a, params.b, params.directed), params);
  const months = index.months.map((m) => ({ ...m, event_count: m.events.length, events: options.top === undefined ? m.events : m.events.slice(0, options.top) }));
  const fused = await selectFusedRecords(store, [...new Set(months.flatMap((m) => m.events.map((c) => c.id)))]);
  for (const m of months) for (const c of m.events) c.label = fusedLabel(fused.get(c.id)!);
  if (options.events === 'none') return { ...index, months };
  return { ...index, months, events: Object.fromEntries([...fused.values()].sort(byDate).map((e) => [e.id, e])) };
}
