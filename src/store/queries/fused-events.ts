import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { EventRecord } from '../../types.js';
import type { FusedEvent } from '../../analysis/fusion/summarize.js';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import { IsoDay } from './page.js';

const code = z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'a country code like KOR or IGO:<id>');
const list = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.infer<T>>);

export const FUSED_STATUSES = ['asserted', 'future', 'negated', 'hypothetical'] as const;

/**
 * Filters for fused events, shared by the CLI and the API.
 *
 * - `dyad`: `CHN-KOR` (one acts on the other, either way, or both take part in a mutual event) or `CHN>KOR`
 * - `country`: takes part in any role; `type`, `context`: one value or a list
 * - `status`: default asserted and future (events that happened or were announced)
 * - `quad`: one quad class or a list
 * - `from`/`to`: the fused date overlaps the interval; `min_reports`/`min_sources`: at least this many reports/outlets
 * - `sort`: `date` (oldest first), `-date`, or `importance` (|score| × sources, largest first)
 */
export const FusedEventFilterSchema = z.strictObject({
  dyad: z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)[->](?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'must look like CHN-KOR (undirected) or CHN>KOR (directed)').optional(),
  country: code.optional(),
  type: list(z.string().regex(/^[A-Z]+$/, 'a PLOVER category like CONSULT')).optional(),
  context: list(z.string().regex(/^[a-z_]+$/, 'a context like tourism')).optional(),
  quad: list(z.enum(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'])).optional(),
  status: list(z.enum(FUSED_STATUSES)).default(['asserted', 'future']),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  min_reports: z.number().int().min(1).default(1),
  min_sources: z.number().int().min(1).default(1),
  sort: z.enum(['date', '-date', 'importance']).default('date'),
  limit: z.number().int().min(1).max(100_000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type FusedEventFilter = z.input<typeof FusedEventFilterSchema>;

export interface FusedEventPage {
  events: FusedEvent[];
  /** Pass as `offset` for the next page; null on the last page. */
  next_offset: number | null;
}

type EB = ExpressionBuilder<Database, 'fused_event'>;

function party(eb: EB, country: string, role?: 'actor' | 'recipient'): Expression<SqlBool> {
  let q = eb.selectFrom('fused_party').select(sql`1`.as('one')).whereRef('fused_party.fused_id', '=', 'fused_event.id').where('fused_party.country', '=', country);
  if (role) q = q.where('fused_party.role', '=', role);
  return eb.exists(q);
}

/**
 * Fused events between two countries: `a` acts on `b` (directed), or either acts on the other
 * (undirected). Mutual events hold their parties in both roles, so they count either way. One
 * lookup in `fused_pair` per fused event (migration 0007-fused-pairs): right when most rows pass
 * anyway, or when the scan stops early (a page in date order of a frequent pair).
 */
export function dyadCondition(eb: EB, a: string, b: string, directed: boolean): Expression<SqlBool> {
  let q = eb.selectFrom('fused_pair').select(sql`1`.as('one')).whereRef('fused_pair.fused_id', '=', 'fused_event.id').where('fused_pair.country', '=', a).where('fused_pair.other', '=', b);
  if (directed) q = q.where('fused_pair.acts', '=', 1);
  return eb.exists(q);
}

/** The same condition as `dyadCondition`, as the pair's id list: right when the pair has few fused events. */
export function dyadIdsCondition(eb: EB, a: string, b: string, directed: boolean): Expression<SqlBool> {
  let q = eb.selectFrom('fused_pair').select('fused_pair.fused_id').where('fused_pair.country', '=', a).where('fused_pair.other', '=', b);
  if (directed) q = q.where('fused_pair.acts', '=', 1);
  return eb('fused_event.id', 'in', q);
}

/** Up to this many fused events, a dyad filter starts from the pair's ids instead of checking every row it scans. */
export const FEW_PAIR_EVENTS = 2000;

/** Whether the pair has at most `n` fused events (reads at most n + 1 index entries). */
export async function pairHasAtMost(store: Store, a: string, b: string, directed: boolean, n: number): Promise<boolean> {
  let q = store.db.selectFrom('fused_pair').select('fused_pair.fused_id').where('fused_pair.country', '=', a).where('fused_pair.other', '=', b);
  if (directed) q = q.where('fused_pair.acts', '=', 1);
  return (await q.limit(1).offset(n).executeTakeFirst()) === undefined;
}

/**
 * Fused events matching a filter, in a stable order.
 *
 * @example const { events } = await selectFusedEvents(store, { dyad: 'CHN-KOR', type: 'CONSULT', min_reports: 2 });
 */
export async function selectFusedEvents(store: Store, input: FusedEventFilter = {}): Promise<FusedEventPage> {
  const f = FusedEventFilterSchema.parse(input);
  // `status || ''` keeps the planner off the (status, period) indexes: nearly every row passes the
  // status filter, and reading the date order index (migration 0005-list-indexes) is what makes a page fast.
  let q = store.db.selectFrom('fused_event').select('fused_event.id').where(sql<string>`fused_event.status || ''`, 'in', f.status);
  if (f.type?.length) q = q.where('fused_event.event_type', 'in', f.type);
  if (f.quad?.length) q = q.where('fused_event.quad', 'in', f.quad);
  if (f.context?.length) q = q.where((eb) => eb.exists(eb.selectFrom('fused_context').select(sql`1`.as('one')).whereRef('fused_context.fused_id', '=', 'fused_event.id').where('fused_context.context', 'in', f.context!)));
  if (f.from) q = q.where('fused_event.date_end', '>=', f.from);
  if (f.to) q = q.where('fused_event.date_start', '<=', f.to);
  if (f.min_reports > 1) q = q.where('fused_event.reports', '>=', f.min_reports);
  if (f.min_sources > 1) q = q.where('fused_event.sources', '>=', f.min_sources);
  if (f.country) q = q.where((eb) => party(eb, f.country!));
  if (f.dyad) {
    const directed = f.dyad.includes('>');
    const [a, b] = f.dyad.split(/[->]/) as [string, string];
    // SQLite cannot tell a rare pair from a frequent one: for a rare one, reading its few ids and
    // sorting them beats scanning the date order for matches (THA-BRA at 100,000 events: 450 → 5 ms).
    // Ordered by importance, every fused event of the pair is read anyway (no index has that order).
    const few = f.sort === 'importance' || (await pairHasAtMost(store, a, b, directed, FEW_PAIR_EVENTS));
    q = q.where((eb) => (few ? dyadIdsCondition(eb, a, b, directed) : dyadCondition(eb, a, b, directed)));
  }
  const key = sql<string>`coalesce(fused_event.date_start, '9999-99-99')`;
  // Bound the date order scan so that it starts near the range instead of at the oldest fused
  // event (as `selectEvents` does): every fused event ending on or after `from` starts at or
  // after the earliest start among them, read from the (date_end, date_start) index.
  if (f.from && f.sort === 'date') {
    const from = f.from;
    const row = await store.db
      .selectFrom((db) => db.selectFrom('fused_event').select('date_start as s').where('date_end', '>=', from).limit(1_000_000_000).as('t'))
      .select((eb) => eb.fn.min('t.s').as('lo'))
      .executeTakeFirst();
    if (row?.lo) q = q.where(key, '>=', String(row.lo));
  }
  if (f.to && f.sort === '-date') q = q.where(key, '<=', f.to);
  if (f.sort === 'importance') q = q.orderBy('fused_event.importance', 'desc').orderBy(key).orderBy('fused_event.id');
  else q = q.orderBy(key, f.sort === '-date' ? 'desc' : 'asc').orderBy('fused_event.id');
  // The order is found on ids alone, then the page's records are read: sorting by importance
  // would otherwise carry every candidate's record through the sort.
  const rows = await q.limit(f.limit + 1).offset(f.offset).execute();
  const page = rows.slice(0, f.limit).map((r) => r.id);
  const records = await selectFusedRecords(store, page);
  return { events: page.map((id) => records.get(id)).filter((e): e is FusedEvent => e !== undefined), next_offset: rows.length > f.limit ? f.offset + f.limit : null };
}

/** Fused events by id (read in chunks); ids that are not stored are missing from the map. */
export async function selectFusedRecords(store: Store, ids: string[]): Promise<Map<string, FusedEvent>> {
  const out = new Map<string, FusedEvent>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('fused_event').select('record').where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      const e = JSON.parse(r.record) as FusedEvent;
      out.set(e.id, e);
    }
  }
  return out;
}

/** One report of a fused event, with its document and evidence. */
export interface FusedReportView {
  event: EventRecord;
  document_id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  ingested_at: string;
}

export interface FusedEventDetail {
  event: FusedEvent;
  /** Earliest first (the order of `event.report_ids`). */
  reports: FusedReportView[];
}

/** Reports of fused events, keyed by fused id. */
export async function selectFusedReports(store: Store, fusedIds: string[]): Promise<Map<string, FusedReportView[]>> {
  const out = new Map<string, FusedReportView[]>();
  for (let i = 0; i < fusedIds.length; i += 300) {
    const rows = await store.db
      .selectFrom('fused_report')
      .innerJoin('event', 'event.id', 'fused_report.event_id')
      .innerJoin('document', 'document.id', 'fused_report.document_id')
      .select(['fused_report.fused_id', 'event.record', 'document.id as document_id', 'document.title', 'document.outlet', 'document.url', 'document.published', 'document.ingested_at'])
      .where('fused_report.fused_id', 'in', fusedIds.slice(i, i + 300))
      .execute();
    for (const r of rows) {
      const list = out.get(r.fused_id) ?? [];
      list.push({ event: JSON.parse(r.record) as EventRecord, document_id: r.document_id, title: r.title, outlet: r.outlet, url: r.url, published: r.published, ingested_at: r.ingested_at });
      out.set(r.fused_id, list);
    }
  }
  return out;
}

export interface FindResult {
  detail: FusedEventDetail | null;
  /** The prefix matched several fused events. */
  ambiguous: boolean;
}

/**
 * A fused event with all its reports, by fused id, by the id of any of its reports, or by a
 * unique prefix (6+ characters) of either.
 */
export async function findFusedEvent(store: Store, id: string): Promise<FindResult> {
  const exact = await store.db.selectFrom('fused_event').select('id').where('id', '=', id).executeTakeFirst();
  let fusedId = exact?.id;
  if (!fusedId) {
    const byReport = await store.db.selectFrom('fused_report').select('fused_id').where('event_id', '=', id).executeTakeFirst();
    fusedId = byReport?.fused_id;
  }
  if (!fusedId && id.length >= 6) {
    const a = await store.db.selectFrom('fused_event').select('id').where('id', 'like', `${id}%`).limit(2).execute();
    const b = await store.db.selectFrom('fused_report').select('fused_id as id').where('event_id', 'like', `${id}%`).limit(2).execute();
    const ids = [...new Set([...a, ...b].map((x) => x.id))];
    if (ids.length > 1) return { detail: null, ambiguous: true };
    fusedId = ids[0];
  }
  if (!fusedId) return { detail: null, ambiguous: false };
  const row = await store.db.selectFrom('fused_event').select('record').where('id', '=', fusedId).executeTakeFirstOrThrow();
  const event = JSON.parse(row.record) as FusedEvent;
  const reports = (await selectFusedReports(store, [fusedId])).get(fusedId) ?? [];
  const order = new Map(event.report_ids.map((r, i) => [r, i]));
  reports.sort((x, y) => order.get(x.event.id)! - order.get(y.event.id)!);
  return { detail: { event, reports }, ambiguous: false };
}

/** Counts for `bilat fuse`: reports, fused events, events with several reports, reports not yet fused. */
export async function fusionStatus(store: Store): Promise<{ reports: number; fused: number; multi: number; pending: number }> {
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const reports = await count(store.db.selectFrom('fused_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  const fused = await count(store.db.selectFrom('fused_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  const multi = await count(store.db.selectFrom('fused_event').select((eb) => eb.fn.countAll<number>().as('n')).where('reports', '>', 1).executeTakeFirst());
  const events = await count(store.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  return { reports, fused, multi, pending: events - reports };
}
