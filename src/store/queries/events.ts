import { sql, type ExpressionBuilder, type SqlBool, type Expression, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { EventRecord } from '../../types.js';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';

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

/**
 * Stored events matching a filter, one page at a time, in a stable order (date, then id).
 *
 * @example const page = await selectEvents(store, { dyad: 'CHN-KOR', type: 'CONSULT', from: '2025-01-01' });
 */
export async function selectEvents(store: Store, input: EventFilterInput = {}): Promise<EventPage> {
  const f = eventFilterSchema.parse(input);
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
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    events: page.map((r) => ({ ...(JSON.parse(r.record) as EventRecord), document_id: r.document_id })),
    next_cursor: rows.length > f.limit && last ? encodeCursor(String(last.sort_key), last.id) : null,
  };
}

/** Every page of a filter, for exports. */
export async function* iterateEvents(store: Store, input: EventFilterInput = {}, pageSize = 1000): AsyncGenerator<StoredEvent> {
  let cursor: string | undefined = input.cursor;
  for (;;) {
    const page = await selectEvents(store, { ...input, limit: pageSize, cursor });
    yield* page.events;
    if (!page.next_cursor) return;
    cursor = page.next_cursor;
  }
}
