import { sql, type ExpressionBuilder, type SqlBool, type Expression, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { EventRecord } from '../../types.js';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import { daysBefore, SHORT_SPAN_DAYS } from '../event-pairs.js';

const code = z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'must be a country code like KOR or IGO:<id>');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const list = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.infer<T>>);

/**
 * Filters for stored events, shared by the CLI and the API. Everything is optional; with no
 * filter, all events that are not negated come back, oldest first, 100 at a time.
 *
 * - `dyad`: `CHN-KOR` (both countries take part, in any roles) or `CHN>KOR` (CHN acts, KOR receives)
 * - `actor` / `recipient` / `country`: a country in that role, or in either role
 * - `type`, `context`, `quad`: one value or a list (any of them)
 * - `from` / `to`: the event's date interval overlaps [from, to]; undated events are left out
 * - `include_negated` (default false), `include_hypothetical` (default true)
 * - `sort`: `date` (oldest first) or `-date`; `cursor`: `next_cursor` of the previous page
 */
export const eventFilterSchema = z.strictObject({
  dyad: z
    .string()
    .regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)[->](?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'must look like CHN-KOR (undirected) or CHN>KOR (directed)')
    .optional(),
  actor: code.optional(),
  recipient: code.optional(),
  country: code.optional(),
  type: list(z.string().regex(/^[A-Z]+$/, 'must be a PLOVER category like CONSULT')).optional(),
  context: list(z.string().regex(/^[a-z_]+$/, 'must be a context like tourism')).optional(),
  quad: list(z.enum(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'])).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  document: z.string().optional(),
  include_negated: z.boolean().default(false),
  include_hypothetical: z.boolean().default(true),
  sort: z.enum(['date', '-date']).default('date'),
  limit: z.number().int().min(1).max(100_000).default(100),
  cursor: z.string().optional(),
});

export type EventFilterInput = z.input<typeof eventFilterSchema>;
export type EventFilter = z.output<typeof eventFilterSchema>;

export interface StoredEvent extends EventRecord {
  document_id: string;
}

export interface EventPage {
  events: StoredEvent[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

/** Parties of a dyad filter: `[a, b, directed]`. */
export function parseDyad(dyad: string): [string, string, boolean] {
  const directed = dyad.includes('>');
  const [a, b] = dyad.split(/[->]/) as [string, string];
  return [a, b, directed];
}

function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new Error('invalid cursor (pass next_cursor from the previous page unchanged)');
}

type EB = ExpressionBuilder<Database, 'event'>;

function party(eb: EB, country: string, role?: 'actor' | 'recipient'): Expression<SqlBool> {
  let q = eb.selectFrom('event_actor').select(sql`1`.as('one')).whereRef('event_actor.event_id', '=', 'event.id').where('event_actor.country', '=', country);
  if (role) q = q.where('event_actor.role', '=', role);
  return eb.exists(q);
}

/**
 * True when the document in `documentColumn` reports at least one (not negated) event of the
 * dyad (`CHN-KOR` either way, `CHN>KOR` directed): filters statistics and quotes by dyad.
 */
export function documentHasDyad(documentColumn: string, dyad: string): RawBuilder<SqlBool> {
  const [a, b, directed] = parseDyad(dyad);
  const role = (r: string) => (directed ? sql` and x.role = ${r}` : sql``);
  const roleY = (r: string) => (directed ? sql` and y.role = ${r}` : sql``);
  return sql<SqlBool>`exists (select 1 from event e
    join event_actor x on x.event_id = e.id and x.country = ${a}${role('actor')}
    join event_actor y on y.event_id = e.id and y.country = ${b}${roleY('recipient')}
    where e.document_id = ${sql.ref(documentColumn)} and e.negated = 0)`;
}

export interface EventQueryOptions {
  /**
   * Answer a dyad filter from `event_pair` (default true). `false` takes the general path (the
   * date order of all events with party lookups), which gives the same page; tests compare them.
   */
  pairs?: boolean;
}

/**
 * Stored events matching a filter, one page at a time, in a stable order (date, then id).
 *
 * @example const page = await selectEvents(store, { dyad: 'CHN-KOR', type: 'CONSULT', from: '2025-01-01' });
 */
export async function selectEvents(store: Store, input: EventFilterInput = {}, options: EventQueryOptions = {}): Promise<EventPage> {
  const f = eventFilterSchema.parse(input);
  if (f.dyad && options.pairs !== false) {
    const [a, b, directed] = parseDyad(f.dyad);
    // A country with itself is not a pair row (only distinct countries are stored).
    if (a !== b) return selectPairEvents(store, f, a, b, directed);
  }
  const desc = f.sort === '-date';
  // Undated events sort last in either direction.
  // Literals, not parameters: the expression must match the order indexes (migration 0005-list-indexes).
  const key = desc ? sql<string>`coalesce(event.date_start, '0000-00-00')` : sql<string>`coalesce(event.date_start, '9999-99-99')`;
  let q = store.db.selectFrom('event').select(['event.id', 'event.document_id', 'event.record', key.as('sort_key')]);
  if (!f.include_negated) q = q.where('event.negated', '=', 0);
  if (!f.include_hypothetical) q = q.where('event.hypothetical', '=', 0);
  if (f.type?.length) q = q.where('event.event_type', 'in', f.type);
  if (f.quad?.length) q = q.where('event.quad', 'in', f.quad);
  if (f.context?.length) q = q.where((eb) => eb.or(f.context!.map((c) => eb('event.contexts', 'like', `%,${c},%`))));
  if (f.from) q = q.where('event.date_end', '>=', f.from);
  if (f.to) q = q.where('event.date_start', '<=', f.to);
  if (f.document) q = q.where('event.document_id', '=', f.document);
  if (f.actor) q = q.where((eb) => party(eb, f.actor!, 'actor'));
  if (f.recipient) q = q.where((eb) => party(eb, f.recipient!, 'recipient'));
  if (f.country) q = q.where((eb) => party(eb, f.country!));
  if (f.dyad) {
    const [a, b, directed] = parseDyad(f.dyad);
    q = directed
      ? q.where((eb) => eb.and([party(eb, a, 'actor'), party(eb, b, 'recipient')]))
      : q.where((eb) => eb.and([party(eb, a), party(eb, b)]));
  }
  // Bound the date-order scan so that it starts near the range instead of at the oldest event:
  // every event ending on or after `from` starts at or after the earliest start among them.
  if (f.from && !desc) {
    // The LIMIT keeps SQLite from answering min() by walking the date_start index: the inner
    // query reads only the (date_end, date_start) index.
    const from = f.from;
    const row = await store.db
      .selectFrom((db) => db.selectFrom('event').select('date_start as s').where('date_end', '>=', from).limit(1_000_000_000).as('t'))
      .select((eb) => eb.fn.min('t.s').as('lo'))
      .executeTakeFirst();
    if (row?.lo) q = q.where(key, '>=', String(row.lo));
  }
  if (f.to && desc) q = q.where(key, '<=', f.to);
  if (f.cursor) {
    const [d, id] = decodeCursor(f.cursor);
    q = q.where((eb) => eb.or([eb(key, desc ? '<' : '>', d), eb.and([eb(key, '=', d), eb('event.id', '>', id)])]));
  }
  const rows = await q
    .orderBy(key, desc ? 'desc' : 'asc')
    .orderBy('event.id')
    .limit(f.limit + 1)
    .execute();
  return toEventPage(rows, f.limit);
}

function toEventPage(rows: Array<{ id: string; document_id: string; record: string; sort_key: unknown }>, limit: number): EventPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((r) => ({ ...(JSON.parse(r.record) as EventRecord), document_id: r.document_id })),
    next_cursor: rows.length > limit && last ? encodeCursor(String(last.sort_key), last.id) : null,
  };
}

type PairEB = ExpressionBuilder<Database, 'event_pair'>;

function pairParty(eb: PairEB, country: string, role?: 'actor' | 'recipient'): Expression<SqlBool> {
  let q = eb.selectFrom('event_actor').select(sql`1`.as('one')).whereRef('event_actor.event_id', '=', 'event_pair.event_id').where('event_actor.country', '=', country);
  if (role) q = q.where('event_actor.role', '=', role);
  return eb.exists(q);
}

/**
 * The earliest start a pair's event matching `from` can have. A short interval (at most
 * SHORT_SPAN_DAYS) that ends on or after `from` starts at most the pair's longest short span
 * before it (the span index gives that span in one seek: 0 when every date is one day); the long
 * ones (and those without a start) are few and read from the span index. `undated` tells whether
 * one of them has no start (it sorts last: `0000-00-00` in the descending order).
 */
async function pairLowerBound(store: Store, a: string, b: string, from: string): Promise<{ lo: string | null; undated: boolean }> {
  const pair = store.db.selectFrom('event_pair').where('event_pair.country_a', '=', a).where('event_pair.country_b', '=', b);
  const longRow = await pair
    .select((eb) => [eb.fn.min('event_pair.date_start').as('lo'), eb.fn.count('event_pair.event_id').as('n'), eb.fn.count('event_pair.date_start').as('dated')])
    .where('event_pair.span_days', '>', SHORT_SPAN_DAYS)
    .where('event_pair.date_end', '>=', from)
    .executeTakeFirst();
  const shortRow = await pair.select((eb) => eb.fn.max('event_pair.span_days').as('span')).where('event_pair.span_days', '<=', SHORT_SPAN_DAYS).executeTakeFirst();
  const long = longRow?.lo === null || longRow?.lo === undefined ? null : String(longRow.lo);
  const undated = Number(longRow?.n ?? 0) > Number(longRow?.dated ?? 0);
  const span = shortRow?.span === null || shortRow?.span === undefined ? null : Number(shortRow.span);
  // Without short intervals only the long ones bound the range (or nothing matches: `from` itself).
  const short = span === null ? (long === null ? from : null) : daysBefore(from, span);
  if (span !== null && short === null) return { lo: null, undated };
  const lo = long === null ? short : short === null || long < short ? long : short;
  return { lo, undated };
}

/**
 * `selectEvents` for a dyad of two distinct countries, from `event_pair` (migration
 * 0008-event-pairs): the pair's index range in the list order, filtered on the copied columns,
 * then the records of the page's events. Same rows and cursors as the general path.
 */
async function selectPairEvents(store: Store, f: EventFilter, x: string, y: string, directed: boolean): Promise<EventPage> {
  const desc = f.sort === '-date';
  const [a, b] = x < y ? [x, y] : [y, x];
  // Literals, not parameters: the expression must match the pair indexes (migration 0008-event-pairs).
  const key = desc ? sql<string>`coalesce(event_pair.date_start, '0000-00-00')` : sql<string>`coalesce(event_pair.date_start, '9999-99-99')`;
  let q = store.db
    .selectFrom('event_pair')
    .select(['event_pair.event_id', key.as('sort_key')])
    .where('event_pair.country_a', '=', a)
    .where('event_pair.country_b', '=', b);
  if (directed) q = q.where(x === a ? 'event_pair.a_acts' : 'event_pair.b_acts', '=', 1);
  if (!f.include_negated) q = q.where('event_pair.negated', '=', 0);
  if (!f.include_hypothetical) q = q.where('event_pair.hypothetical', '=', 0);
  if (f.type?.length) q = q.where('event_pair.event_type', 'in', f.type);
  if (f.quad?.length) q = q.where('event_pair.quad', 'in', f.quad);
  if (f.context?.length) q = q.where((eb) => eb.or(f.context!.map((c) => eb('event_pair.contexts', 'like', `%,${c},%`))));
  if (f.from) q = q.where('event_pair.date_end', '>=', f.from);
  if (f.to) q = q.where('event_pair.date_start', '<=', f.to);
  if (f.document) q = q.where('event_pair.document_id', '=', f.document);
  if (f.actor) q = q.where((eb) => pairParty(eb, f.actor!, 'actor'));
  if (f.recipient) q = q.where((eb) => pairParty(eb, f.recipient!, 'recipient'));
  if (f.country) q = q.where((eb) => pairParty(eb, f.country!));
  // Bound the pair's date range on both sides, so that a month reads about that month's rows.
  if (f.from) {
    const { lo, undated } = await pairLowerBound(store, a, b, f.from);
    // Descending, an event without a start sorts last (0000-00-00), below any bound.
    if (lo !== null && !(desc && undated)) q = q.where(key, '>=', lo);
  }
  // Every event with a start on or before `to` has that start as its key; the others are out.
  if (f.to) q = q.where(key, '<=', f.to);
  if (f.cursor) {
    const [d, id] = decodeCursor(f.cursor);
    q = q.where((eb) => eb.or([eb(key, desc ? '<' : '>', d), eb.and([eb(key, '=', d), eb('event_pair.event_id', '>', id)])]));
  }
  const ids = q
    .orderBy(key, desc ? 'desc' : 'asc')
    .orderBy('event_pair.event_id')
    .limit(f.limit + 1)
    .as('p');
  const rows = await store.db
    .selectFrom(ids)
    .innerJoin('event', 'event.id', 'p.event_id')
    .select(['event.id', 'event.document_id', 'event.record', 'p.sort_key'])
    .orderBy('p.sort_key', desc ? 'desc' : 'asc')
    .orderBy('p.event_id')
    .execute();
  return toEventPage(rows, f.limit);
}

/** Every page of a filter, for exports. */
export async function* iterateEvents(store: Store, input: EventFilterInput = {}, pageSize = 1000, options: EventQueryOptions = {}): AsyncGenerator<StoredEvent> {
  let cursor: string | undefined = input.cursor;
  for (;;) {
    const page = await selectEvents(store, { ...input, limit: pageSize, cursor }, options);
    yield* page.events;
    if (!page.next_cursor) return;
    cursor = page.next_cursor;
  }
}
