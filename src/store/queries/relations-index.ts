import type { FusedEvent } from '../../analysis/fusion/summarize.js';
import { computeRelationsIndex, IndexParamsSchema, type IndexEvent, type IndexParamsInput, type RelationsIndex } from '../../analysis/relations-index.js';
import type { Store } from '../db.js';
import { dyadCondition } from './fused-events.js';

/** `CONSULT/visit CHN⇄KOR 2026-01-05 Beijing`: enough to recognise a fused event in a list. */
export function fusedLabel(e: FusedEvent): string {
  const parties = e.mutual ? e.actor.join('⇄') : `${e.actor.join('+') || '?'}→${e.recipient.join('+') || '-'}`;
  const date = e.date ? (e.date.precision === 'day' ? e.date.start : `${e.date.start.slice(0, 7)} (${e.date.precision})`) : 'undated';
  return `${e.event_type}${e.mode ? `/${e.mode}` : ''} ${parties} ${date}${e.location ? ` ${e.location.text}` : ''}`;
}

/** Fused events of a pair that the index counts: asserted, and dated within one month. */
export async function selectIndexEvents(store: Store, a: string, b: string, directed: boolean): Promise<FusedEvent[]> {
  const rows = await store.db
    .selectFrom('fused_event')
    .select('record')
    .where('status', '=', 'asserted')
    .where('period_month', 'is not', null)
    .where((eb) => dyadCondition(eb, a, b, directed))
    .orderBy('date_start')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.record) as FusedEvent);
}

export interface RelationsIndexResult extends RelationsIndex {
  /** The fused events behind the contributions, by id. */
  events: Record<string, FusedEvent>;
}

/**
 * The relations index of a pair with its per-event contributions (docs/indicators.md).
 *
 * @example const idx = await selectRelationsIndex(store, { a: 'CHN', b: 'KOR', half_life: 6, from: '2016-01-01' });
 */
export async function selectRelationsIndex(store: Store, input: IndexParamsInput): Promise<RelationsIndexResult> {
  const params = IndexParamsSchema.parse(input);
  const fused = await selectIndexEvents(store, params.a, params.b, params.directed);
  const events: IndexEvent[] = fused.map((e) => ({ id: e.id, month: e.periods.month!, score: e.score, quad: e.quad, sources: e.sources, event_type: e.event_type, label: fusedLabel(e) }));
  const index = computeRelationsIndex(events, params);
  const used = new Set(index.months.flatMap((m) => m.events.map((c) => c.id)));
  return { ...index, events: Object.fromEntries(fused.filter((e) => used.has(e.id)).map((e) => [e.id, e])) };
}
