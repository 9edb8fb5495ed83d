import type { Kysely } from 'kysely';
import type { EventRecord } from '../types.js';
import type { Database, EventPairTable } from './schema.js';

/**
 * Raw events by country pair (migration 0008-event-pairs), for dyad filters on the event list
 * at scale. One row per event and unordered pair of distinct countries among its parties
 * (actors and recipients together, the way an undirected dyad filter matches), with the pair in
 * code order (`country_a < country_b`, compared as JavaScript strings, i.e. by code unit), the
 * two directions as flags, and a copy of the event columns the list filters and sorts on.
 */

/** Intervals longer than this many days are "long": a dyad list with `from` looks them up apart. */
export const SHORT_SPAN_DAYS = 31;

/** `span_days` of an interval whose days cannot be read as calendar days: always long. */
export const UNREADABLE_SPAN = 1_000_000;

const DAY_MS = 86_400_000;

/** Days since 1970 of a `YYYY-MM-DD` day, or null when it is not a real calendar day in that form. */
export function dayNumber(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** The `YYYY-MM-DD` day `days` days before `day` (a real calendar day), or null. */
export function daysBefore(day: string, days: number): string | null {
  const n = dayNumber(day);
  if (n === null) return null;
  const iso = new Date((n - days) * DAY_MS).toISOString();
  // Years before 0000 or after 9999 do not compare as strings with stored days.
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : null;
}

/**
 * Days from start to end of a stored interval: null without an end (such an event never matches
 * `from`), UNREADABLE_SPAN without a start or when the bounds are not calendar days.
 */
export function spanDays(start: string | null, end: string | null): number | null {
  if (end === null) return null;
  if (start === null) return UNREADABLE_SPAN;
  const s = dayNumber(start);
  const e = dayNumber(end);
  if (s === null || e === null) return UNREADABLE_SPAN;
  return e - s;
}

/** What the pair rows of one event are made from: the `event` table's columns and its parties' countries. */
export interface PairSource {
  id: string;
  document_id: string;
  event_type: string;
  quad: string;
  contexts: string;
  date_start: string | null;
  date_end: string | null;
  negated: number;
  hypothetical: number;
  actors: Array<string | null>;
  recipients: Array<string | null>;
}

/** The pair rows of one event. */
export function eventPairRows(e: PairSource): EventPairTable[] {
  const actors = new Set(e.actors.filter((c): c is string => !!c));
  const recipients = new Set(e.recipients.filter((c): c is string => !!c));
  const countries = [...new Set([...actors, ...recipients])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const span = spanDays(e.date_start, e.date_end);
  const rows: EventPairTable[] = [];
  for (let i = 0; i < countries.length; i++) {
    for (let j = i + 1; j < countries.length; j++) {
      const a = countries[i]!;
      const b = countries[j]!;
      rows.push({
        event_id: e.id,
        country_a: a,
        country_b: b,
        a_acts: actors.has(a) && recipients.has(b) ? 1 : 0,
        b_acts: actors.has(b) && recipients.has(a) ? 1 : 0,
        document_id: e.document_id,
        date_start: e.date_start,
        date_end: e.date_end,
        span_days: span,
        event_type: e.event_type,
        quad: e.quad,
        contexts: e.contexts,
        negated: e.negated,
        hypothetical: e.hypothetical,
      });
    }
  }
  return rows;
}

/** The pair rows of an event as extracted (the same values `writeExtractions` stores in `event`). */
export function recordPairRows(e: EventRecord, documentId: string): EventPairTable[] {
  return eventPairRows({
    id: e.id,
    document_id: documentId,
    event_type: e.event_type,
    quad: e.quad,
    contexts: `,${e.contexts.join(',')},`,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    negated: e.negated ? 1 : 0,
    hypothetical: e.hypothetical ? 1 : 0,
    actors: e.actor.map((a) => a.country),
    recipients: e.recipient.map((a) => a.country),
  });
}

const INSERT_ROWS = 500;

/** Insert pair rows in multi-row statements. */
export async function insertEventPairs(db: Kysely<Database>, rows: EventPairTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) await db.insertInto('event_pair').values(rows.slice(i, i + INSERT_ROWS)).execute();
}

/**
 * Fill `event_pair` from `event` and `event_actor` (what `writeExtractions` writes for new
 * events), a page of events at a time in id order. The rows are built by the same function as on
 * ingest, so both databases get the same rows whatever their collation.
 */
export async function backfillEventPairs(db: Kysely<Database>, pageSize = 5000): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const events = await db
      .selectFrom('event')
      .select(['id', 'document_id', 'event_type', 'quad', 'contexts', 'date_start', 'date_end', 'negated', 'hypothetical'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (!events.length) return written;
    const last = events[events.length - 1]!.id;
    const parties = await db
      .selectFrom('event_actor')
      .select(['event_id', 'role', 'country'])
      .where('event_id', '>', after)
      .where('event_id', '<=', last)
      .orderBy('event_id')
      .orderBy('role')
      .orderBy('position')
      .execute();
    const byEvent = new Map<string, { actors: Array<string | null>; recipients: Array<string | null> }>();
    for (const p of parties) {
      let entry = byEvent.get(p.event_id);
      if (!entry) byEvent.set(p.event_id, (entry = { actors: [], recipients: [] }));
      (p.role === 'actor' ? entry.actors : entry.recipients).push(p.country);
    }
    const rows = events.flatMap((e) =>
      eventPairRows({ ...e, negated: Number(e.negated), hypothetical: Number(e.hypothetical), ...(byEvent.get(e.id) ?? { actors: [], recipients: [] }) }),
    );
    await insertEventPairs(db, rows);
    written += rows.length;
    after = last;
  }
}
