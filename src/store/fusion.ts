import type { Kysely, Transaction } from 'kysely';
import type { EventRecord } from '../types.js';
import { clusterReports } from '../analysis/fusion/cluster.js';
import { compatible } from '../analysis/fusion/compatible.js';
import { fuseReports } from '../analysis/fusion/fuse.js';
import { getFusionRules, type FusionRules } from '../analysis/fusion/rules.js';
import { toFusionReport, type FusionReport } from '../analysis/fusion/report.js';
import { summarizeCluster, type FusedEvent } from '../analysis/fusion/summarize.js';
import type { Database } from './schema.js';
import type { Store } from './db.js';

/**
 * Event fusion in the store (docs/fusion.md). `fuseEvents` adds newly stored events to the fused
 * events incrementally: it finds the reports connected to the new ones through indexed
 * candidate lookups (family, status, country, date window), clusters that connected group afresh
 * and rewrites only the fused events it touches. Because clustering depends only on the group,
 * the result equals `rebuildFusion` whatever order documents arrive in.
 */

const CHUNK = 300;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface FusionSummary {
  /** Reports (stored events) fused in this call. */
  reports: number;
  /** Fused events written (new or changed). */
  written: number;
  /** Fused events removed because their reports joined other clusters. */
  removed: number;
}

/** Load reports with their documents' metadata. */
async function loadReports(db: Kysely<Database>, eventIds: string[], rules: FusionRules): Promise<FusionReport[]> {
  const out: FusionReport[] = [];
  for (const part of chunks(eventIds)) {
    const rows = await db
      .selectFrom('event')
      .innerJoin('document', 'document.id', 'event.document_id')
      .select(['event.record', 'event.document_id', 'document.published', 'document.outlet', 'document.title', 'document.ingested_at'])
      .where('event.id', 'in', part)
      .execute();
    for (const r of rows) {
      out.push(toFusionReport(JSON.parse(r.record) as EventRecord, { document_id: r.document_id, published: r.published, outlet: r.outlet, title: r.title, ingested_at: r.ingested_at }, rules));
    }
  }
  return out;
}

/** Serialise fusion transactions: the update holds a row lock until commit on PostgreSQL; SQLite has one writer anyway. */
async function lock(trx: Transaction<Database>): Promise<void> {
  await trx.updateTable('fusion_lock').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/** Candidate lookup keys of reports (also used by the synthetic benchmark database). */
export async function writeKeys(db: Kysely<Database>, reports: FusionReport[]): Promise<void> {
  const rows = reports.filter((r) => r.lo !== null).flatMap((r) => r.parties.map((country) => ({ event_id: r.event.id, country, family: r.family, status: r.status, date_lo: r.lo!, date_hi: r.hi! })));
  for (const part of chunks(rows)) await db.insertInto('fusion_key').values(part).onConflict((oc) => oc.doNothing()).execute();
}

/** Ids of stored reports that pass the index filter for `r` (same family and status, a shared country, overlapping window). */
async function candidateIds(db: Kysely<Database>, r: FusionReport): Promise<string[]> {
  if (r.lo === null || !r.parties.length) return [];
  const rows = await db
    .selectFrom('fusion_key')
    .select('event_id')
    .distinct()
    .where('family', '=', r.family)
    .where('status', '=', r.status)
    .where('country', 'in', r.parties)
    .where('date_lo', '<=', r.hi!)
    .where('date_hi', '>=', r.lo)
    .execute();
  return rows.map((x) => x.event_id).filter((id) => id !== r.event.id);
}

function eventRow(e: FusedEvent): Database['fused_event'] {
  return {
    id: e.id,
    event_type: e.event_type,
    family: e.family,
    mode: e.mode,
    quad: e.quad,
    score: e.score,
    contexts: `,${e.contexts.join(',')},`,
    mutual: e.mutual ? 1 : 0,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    period_week: e.periods.week,
    period_month: e.periods.month,
    period_quarter: e.periods.quarter,
    period_year: e.periods.year,
    location_text: e.location?.text ?? null,
    location_country: e.location?.country ?? null,
    status: e.status,
    reports: e.reports,
    documents: e.documents,
    sources: e.sources,
    importance: e.importance,
    first_published: e.first_published,
    last_published: e.last_published,
    first_ingested: e.first_ingested,
    last_ingested: e.last_ingested,
    record: JSON.stringify(e),
  };
}

/**
 * The `fused_pair` rows of a fused event (migration 0007-fused-pairs): every ordered pair of its
 * countries where one acts on the other, with what the dyadic analyses read.
 */
export function pairRows(e: FusedEvent): Array<Database['fused_pair']> {
  const rows = new Map<string, Database['fused_pair']>();
  const add = (country: string, other: string, acts: boolean) => {
    const key = `${country}\u0000${other}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        country,
        other,
        fused_id: e.id,
        acts: 0,
        receives: 0,
        status: e.status,
        date_start: e.date?.start ?? null,
        date_end: e.date?.end ?? null,
        period_week: e.periods.week,
        period_month: e.periods.month,
        period_quarter: e.periods.quarter,
        period_year: e.periods.year,
        event_type: e.event_type,
        contexts: `,${e.contexts.join(',')},`,
        quad: e.quad,
        score: e.score,
        sources: e.sources,
      };
      rows.set(key, row);
    }
    if (acts) row.acts = 1;
    else row.receives = 1;
  };
  for (const actor of new Set(e.actor)) {
    for (const recipient of new Set(e.recipient)) {
      add(actor, recipient, true);
      add(recipient, actor, false);
    }
  }
  return [...rows.values()];
}

/** Insert fused events with their parties, pairs, contexts and reports (no deletes). */
export async function writeFused(db: Kysely<Database>, events: FusedEvent[], reportsOf: (e: FusedEvent) => FusionReport[]): Promise<void> {
  for (const part of chunks(events, 100)) await db.insertInto('fused_event').values(part.map(eventRow)).execute();
  const parties = events.flatMap((e) => [...e.actor.map((country) => ({ fused_id: e.id, role: 'actor', country })), ...e.recipient.map((country) => ({ fused_id: e.id, role: 'recipient', country }))]);
  for (const part of chunks(parties)) await db.insertInto('fused_party').values(part).execute();
  for (const part of chunks(events.flatMap(pairRows), 100)) await db.insertInto('fused_pair').values(part).execute();
  const contexts = events.flatMap((e) => e.contexts.map((context) => ({ fused_id: e.id, context })));
  for (const part of chunks(contexts)) await db.insertInto('fused_context').values(part).execute();
  const reports = events.flatMap((e) => reportsOf(e).map((r) => ({ event_id: r.event.id, fused_id: e.id, document_id: r.document_id })));
  for (const part of chunks(reports)) await db.insertInto('fused_report').values(part).execute();
}

async function deleteFused(db: Kysely<Database>, fusedIds: string[], eventIds: string[]): Promise<void> {
  for (const part of chunks(eventIds)) await db.deleteFrom('fused_report').where('event_id', 'in', part).execute();
  for (const part of chunks(fusedIds)) await db.deleteFrom('fused_event').where('id', 'in', part).execute();
}

/**
 * Fuse newly stored events into the fused events, in one transaction.
 *
 * @example await fuseEvents(store, ['ev-1', 'ev-2']);
 */
export async function fuseEvents(store: Store, eventIds: string[], rules: FusionRules = getFusionRules()): Promise<FusionSummary> {
  if (!eventIds.length) return { reports: 0, written: 0, removed: 0 };
  return store.db.transaction().execute(async (trx) => {
    await lock(trx);
    const fresh = await loadReports(trx, eventIds, rules);
    await writeKeys(trx, fresh);
    // Walk the compatibility graph from the new reports: the connected group is all that can change.
    // (Each candidate is loaded once: one that fits none of the group so far is met again from
    // the group's other members, and on a large store rebuilding it each time dominated ingest.)
    const group = new Map(fresh.map((r) => [r.event.id, r]));
    const loaded = new Map(group);
    const queue = [...fresh];
    while (queue.length) {
      const r = queue.pop()!;
      const unseen = (await candidateIds(trx, r)).filter((id) => !group.has(id));
      for (const c of await loadReports(trx, unseen.filter((id) => !loaded.has(id)), rules)) loaded.set(c.event.id, c);
      for (const id of unseen) {
        const c = loaded.get(id);
        if (!c || group.has(id) || !compatible(r, c)) continue;
        group.set(id, c);
        queue.push(c);
      }
    }
    const ids = [...group.keys()];
    const old = new Set<string>();
    for (const part of chunks(ids)) for (const row of await trx.selectFrom('fused_report').select('fused_id').where('event_id', 'in', part).execute()) old.add(row.fused_id);
    const clusters = clusterReports([...group.values()]);
    const events = clusters.map((c) => summarizeCluster(c));
    const members = new Map(events.map((e, i) => [e.id, clusters[i]!]));
    await deleteFused(trx, [...old], ids);
    await writeFused(trx, events, (e) => members.get(e.id)!);
    return { reports: fresh.length, written: events.length, removed: [...old].filter((id) => !members.has(id)).length };
  });
}

/** Fuse the events of one stored document (ingest calls this right after saving it). */
export async function fuseDocument(store: Store, documentId: string): Promise<FusionSummary> {
  const rows = await store.db.selectFrom('event').select('id').where('document_id', '=', documentId).orderBy('id').execute();
  return fuseEvents(store, rows.map((r) => r.id));
}

/** Fuse stored events that are not fused yet (after an interrupted ingest, or on a database created before fusion). */
export async function fusePending(store: Store): Promise<FusionSummary> {
  const rows = await store.db
    .selectFrom('event')
    .leftJoin('fused_report', 'fused_report.event_id', 'event.id')
    .select('event.id')
    .where('fused_report.event_id', 'is', null)
    .orderBy('event.id')
    .execute();
  const total: FusionSummary = { reports: 0, written: 0, removed: 0 };
  for (const part of chunks(rows.map((r) => r.id), 500)) {
    const s = await fuseEvents(store, part);
    total.reports += s.reports;
    total.written += s.written;
    total.removed += s.removed;
  }
  return total;
}

/** Recompute every fused event from the stored events, in one transaction. */
export async function rebuildFusion(store: Store, rules: FusionRules = getFusionRules()): Promise<FusionSummary> {
  return store.db.transaction().execute(async (trx) => {
    await lock(trx);
    const before = await trx.selectFrom('fused_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    await trx.deleteFrom('fused_report').execute();
    await trx.deleteFrom('fusion_key').execute();
    await trx.deleteFrom('fused_event').execute();
    const ids = (await trx.selectFrom('event').select('id').orderBy('id').execute()).map((r) => r.id);
    const reports = await loadReports(trx, ids, rules);
    await writeKeys(trx, reports);
    const byId = new Map(reports.map((r) => [r.event.id, r]));
    const events = fuseReports(reports);
    await writeFused(trx, events, (e) => e.report_ids.map((id) => byId.get(id)!));
    return { reports: reports.length, written: events.length, removed: Math.max(0, Number(before?.n ?? 0) - events.length) };
  });
}

/**
 * Fuse a stored document's events that are not fused yet. A queue worker calls this for every
 * job, new or duplicate, so that a job retried after a crash between the document's transaction
 * and the fusion transaction still gets its events fused. Fusing an event twice is harmless.
 */
export async function fuseDocumentPending(store: Store, documentId: string): Promise<FusionSummary> {
  const rows = await store.db
    .selectFrom('event')
    .leftJoin('fused_report', 'fused_report.event_id', 'event.id')
    .select('event.id')
    .where('event.document_id', '=', documentId)
    .where('fused_report.event_id', 'is', null)
    .orderBy('event.id')
    .execute();
  return fuseEvents(store, rows.map((r) => r.id));
}
