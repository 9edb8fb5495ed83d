import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import type { EventRecord } from '../../types.js';
import { addDays } from '../../util/dates.js';
import { CANDIDATE_EVENT_TYPES, proposeCandidate, type CandidateProposal, type CueRule } from '../../policy/candidates.js';
import { versionsInForce, type InForce, type InForceQuery } from '../../policy/in-force.js';
import type { PolicyConditions, PolicyInstrument, PolicyKind, PolicySource, PolicyVersion, StartPrecision } from '../../policy/types.js';

const CHUNK = 300;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Content of a version without its recording time, to tell a changed version from a re-import. */
function versionContent(v: PolicyVersion): string {
  const { recorded_at: _r, ...rest } = v;
  return JSON.stringify(rest);
}

function instrumentContent(i: PolicyInstrument): string {
  return JSON.stringify({ ...i, recorded_at: undefined, imported_from: undefined, versions: i.versions.map(versionContent) });
}

async function insertInstrument(db: Kysely<Database>, i: PolicyInstrument): Promise<void> {
  await db
    .insertInto('policy_instrument')
    .values({ id: i.id, issuer: i.issuer, kind: i.kind, title: i.title, formal: i.formal ? 1 : 0, note: i.note, imported_from: i.imported_from, recorded_at: i.recorded_at })
    .execute();
  await db.insertInto('policy_beneficiary').values(i.beneficiaries.map((country) => ({ instrument_id: i.id, country }))).execute();
  for (const v of i.versions) await insertVersion(db, v);
}

async function insertVersion(db: Kysely<Database>, v: PolicyVersion): Promise<void> {
  await db
    .insertInto('policy_version')
    .values({
      id: v.id,
      instrument_id: v.instrument_id,
      seq: v.seq,
      label: v.label,
      announced: v.announced,
      known_from: v.known_from,
      recorded_at: v.recorded_at,
      effective_from: v.effective_from,
      effective_from_precision: v.effective_from_precision,
      effective_to: v.effective_to,
      superseded_by: v.superseded_by,
      conditions: JSON.stringify(v.conditions),
      note: v.note,
    })
    .execute();
  if (v.sources.length) {
    await db
      .insertInto('policy_source')
      .values(
        v.sources.map((s, position) => ({
          version_id: v.id,
          position,
          kind: s.kind,
          citation: s.citation,
          url: s.kind === 'citation' ? s.url : null,
          published: s.kind === 'citation' ? s.published : null,
          event_id: s.kind === 'event' ? s.event_id : null,
          document_id: s.kind === 'event' ? s.document_id : null,
          evidence: s.kind === 'event' && s.evidence ? JSON.stringify(s.evidence) : null,
        })),
      )
      .execute();
  }
}

export interface SaveSummary {
  new: number;
  updated: number;
  unchanged: number;
}

/**
 * Store instruments from a file, in one transaction. An instrument already stored with the same
 * content is left alone (its versions keep their `recorded_at`); a changed one is replaced, and
 * versions whose content did not change keep their original `recorded_at`.
 */
export async function saveInstruments(store: Store, instruments: PolicyInstrument[]): Promise<SaveSummary> {
  const summary: SaveSummary = { new: 0, updated: 0, unchanged: 0 };
  await store.db.transaction().execute(async (trx) => {
    const existing = new Map((await loadInstruments(trx, instruments.map((i) => i.id))).map((i) => [i.id, i]));
    for (const incoming of instruments) {
      const stored = existing.get(incoming.id);
      if (!stored) {
        await insertInstrument(trx, incoming);
        summary.new++;
        continue;
      }
      if (instrumentContent(stored) === instrumentContent(incoming)) {
        summary.unchanged++;
        continue;
      }
      const before = new Map(stored.versions.map((v) => [v.id, v]));
      const merged: PolicyInstrument = {
        ...incoming,
        recorded_at: stored.recorded_at,
        versions: incoming.versions.map((v) => {
          const old = before.get(v.id);
          return old && versionContent(old) === versionContent(v) ? { ...v, recorded_at: old.recorded_at } : v;
        }),
      };
      await trx.deleteFrom('policy_instrument').where('id', '=', incoming.id).execute();
      await insertInstrument(trx, merged);
      summary.updated++;
    }
  });
  return summary;
}

export interface InstrumentFilter {
  ids?: string[];
  /** Instruments concerning this pair (issued by one, applying to the other). */
  between?: [string, string];
  /** Instruments issued by or applying to this country. */
  country?: string;
  kind?: PolicyKind;
}

async function loadInstruments(db: Kysely<Database>, ids: string[]): Promise<PolicyInstrument[]> {
  if (!ids.length) return [];
  const rows: Array<Database['policy_instrument']> = [];
  const bens: Array<Database['policy_beneficiary']> = [];
  const versions: Array<Database['policy_version']> = [];
  for (const part of chunks(ids)) {
    rows.push(...(await db.selectFrom('policy_instrument').selectAll().where('id', 'in', part).execute()));
    bens.push(...(await db.selectFrom('policy_beneficiary').selectAll().where('instrument_id', 'in', part).orderBy('country').execute()));
    versions.push(...(await db.selectFrom('policy_version').selectAll().where('instrument_id', 'in', part).orderBy('seq').execute()));
  }
  const sources: Array<Database['policy_source']> = [];
  for (const part of chunks(versions.map((v) => v.id))) {
    sources.push(...(await db.selectFrom('policy_source').selectAll().where('version_id', 'in', part).orderBy('position').execute()));
  }
  const sourcesOf = new Map<string, PolicySource[]>();
  for (const s of sources) {
    const list = sourcesOf.get(s.version_id) ?? [];
    list.push(
      s.kind === 'event'
        ? { kind: 'event', event_id: s.event_id ?? '', document_id: s.document_id, evidence: s.evidence ? JSON.parse(s.evidence) : null, citation: s.citation }
        : { kind: 'citation', citation: s.citation ?? '', url: s.url, published: s.published },
    );
    sourcesOf.set(s.version_id, list);
  }
  const versionsOf = new Map<string, PolicyVersion[]>();
  for (const v of versions) {
    const list = versionsOf.get(v.instrument_id) ?? [];
    list.push({
      id: v.id,
      instrument_id: v.instrument_id,
      label: v.label,
      seq: Number(v.seq),
      announced: v.announced,
      known_from: v.known_from,
      recorded_at: v.recorded_at,
      effective_from: v.effective_from,
      effective_from_precision: v.effective_from_precision as StartPrecision,
      effective_to: v.effective_to,
      superseded_by: v.superseded_by,
      conditions: JSON.parse(v.conditions) as PolicyConditions,
      note: v.note,
      sources: sourcesOf.get(v.id) ?? [],
    });
    versionsOf.set(v.instrument_id, list);
  }
  return rows
    .map((r) => ({
      id: r.id,
      issuer: r.issuer,
      beneficiaries: bens.filter((b) => b.instrument_id === r.id).map((b) => b.country),
      kind: r.kind as PolicyKind,
      title: r.title,
      formal: Number(r.formal) === 1,
      note: r.note,
      imported_from: r.imported_from,
      recorded_at: r.recorded_at,
      versions: versionsOf.get(r.id) ?? [],
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Instruments with their versions and sources, by id. */
export async function selectInstruments(store: Store, filter: InstrumentFilter = {}): Promise<PolicyInstrument[]> {
  let q = store.db.selectFrom('policy_instrument').select('id');
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.between) {
    const [a, b] = filter.between;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('issuer', '=', a), eb.exists(eb.selectFrom('policy_beneficiary').select('country').whereRef('policy_beneficiary.instrument_id', '=', 'policy_instrument.id').where('country', '=', b))]),
        eb.and([eb('issuer', '=', b), eb.exists(eb.selectFrom('policy_beneficiary').select('country').whereRef('policy_beneficiary.instrument_id', '=', 'policy_instrument.id').where('country', '=', a))]),
      ]),
    );
  }
  if (filter.country) {
    const c = filter.country;
    q = q.where((eb) => eb.or([eb('issuer', '=', c), eb.exists(eb.selectFrom('policy_beneficiary').select('country').whereRef('policy_beneficiary.instrument_id', '=', 'policy_instrument.id').where('country', '=', c))]));
  }
  const ids = (await q.execute()).map((r) => r.id);
  return loadInstruments(store.db, ids);
}

/** One instrument by id, or undefined. */
export async function findInstrument(store: Store, id: string): Promise<PolicyInstrument | undefined> {
  return (await loadInstruments(store.db, [id]))[0];
}

/** A version by full id (`instrument/label`), with its instrument. */
export async function findVersion(store: Store, id: string): Promise<{ instrument: PolicyInstrument; version: PolicyVersion } | undefined> {
  const slash = id.lastIndexOf('/');
  if (slash < 0) return undefined;
  const instrument = await findInstrument(store, id.slice(0, slash));
  const version = instrument?.versions.find((v) => v.id === id);
  return instrument && version ? { instrument, version } : undefined;
}

/** Flat rows for lists (CLI, API): one per instrument, with its span of validity. */
export interface PolicyListRow {
  id: string;
  issuer: string;
  beneficiaries: string;
  kind: string;
  formal: boolean;
  title: string;
  versions: number;
  first_effective: string;
  last_effective_to: string | null;
}

export function toListRow(i: PolicyInstrument): PolicyListRow {
  const open = i.versions.some((v) => v.effective_to === null && !v.superseded_by);
  const ends = i.versions.map((v) => v.effective_to).filter((d): d is string => d !== null).sort();
  return {
    id: i.id,
    issuer: i.issuer,
    beneficiaries: i.beneficiaries.join(' '),
    kind: i.kind,
    formal: i.formal,
    title: i.title,
    versions: i.versions.length,
    first_effective: i.versions.map((v) => v.effective_from).sort()[0] ?? '',
    last_effective_to: open ? null : (ends[ends.length - 1] ?? null),
  };
}

/** "What was in force between A and B on D (as known on K)?" */
export async function selectInForce(store: Store, query: InForceQuery): Promise<InForce[]> {
  const instruments = await selectInstruments(store, query.between ? { between: query.between } : {});
  return versionsInForce(instruments, query);
}

// ── Candidates ────────────────────────────────────────────────────────────────────────────────

export interface CandidateRow {
  id: string;
  event_id: string;
  document_id: string;
  rule: string;
  status: 'pending' | 'accepted' | 'rejected';
  created_at: string;
  decided_at: string | null;
  decision_note: string | null;
  version_id: string | null;
  proposal: CandidateProposal;
}

export function candidateId(eventId: string): string {
  return `pc-${createHash('sha256').update(eventId).digest('hex').slice(0, 12)}`;
}

/**
 * Scan stored events not yet considered and store a pending candidate for each one that looks
 * like a policy change. Nothing is merged into the registry.
 *
 * @returns the number of new candidates
 */
export async function proposeCandidates(store: Store, rules: CueRule[], now: string): Promise<number> {
  const rows = await store.db
    .selectFrom('event')
    .innerJoin('document', 'document.id', 'event.document_id')
    .select(['event.id as id', 'event.document_id as document_id', 'event.record as record', 'document.published as published'])
    .where('event.event_type', 'in', [...CANDIDATE_EVENT_TYPES])
    .where('event.negated', '=', 0)
    .where('event.hypothetical', '=', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('policy_candidate').select('policy_candidate.id').whereRef('policy_candidate.event_id', '=', 'event.id'))))
    .orderBy('event.id')
    .execute();
  const values = rows.flatMap((r) => {
    const proposal = proposeCandidate(rules, JSON.parse(r.record) as EventRecord, { documentId: r.document_id, published: r.published });
    if (!proposal) return [];
    return [{ id: candidateId(r.id), event_id: r.id, document_id: r.document_id, rule: proposal.rule, proposal: JSON.stringify(proposal), status: 'pending', created_at: now, decided_at: null, decision_note: null, version_id: null }];
  });
  for (const part of chunks(values)) await store.db.insertInto('policy_candidate').values(part).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  return values.length;
}

function toCandidate(r: Database['policy_candidate']): CandidateRow {
  return { ...r, status: r.status as CandidateRow['status'], proposal: JSON.parse(r.proposal) as CandidateProposal };
}

export async function selectCandidates(store: Store, status: CandidateRow['status'] | 'all' = 'pending'): Promise<CandidateRow[]> {
  let q = store.db.selectFrom('policy_candidate').selectAll();
  if (status !== 'all') q = q.where('status', '=', status);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toCandidate);
}

export async function findCandidate(store: Store, id: string): Promise<CandidateRow | undefined> {
  const r = await store.db.selectFrom('policy_candidate').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCandidate(r) : undefined;
}

export class CandidateError extends Error {}

export interface AcceptOptions {
  /** Add the version to this instrument instead of creating a new one. */
  instrumentId?: string;
  /** Overrides the date from the event (required when the event has no exact day). */
  effectiveFrom?: string;
  title?: string;
  now: string;
}

/** The instrument's version currently open (no end, not superseded), latest first. */
function openVersion(i: PolicyInstrument): PolicyVersion | undefined {
  return [...i.versions].reverse().find((v) => !v.superseded_by);
}

/**
 * Accept a pending candidate: add a version (or a new instrument) with the event as its source,
 * in one transaction. `starts` proposals add a version that supersedes the open one; `ends`
 * proposals add a copy of the open version that ends the day before the change.
 *
 * @returns the id of the new version
 * @throws CandidateError when the candidate cannot be accepted as asked
 */
export async function acceptCandidate(store: Store, id: string, options: AcceptOptions): Promise<string> {
  const candidate = await findCandidate(store, id);
  if (!candidate) throw new CandidateError(`no candidate with id "${id}" (run \`bilat policies candidates\` to list them)`);
  if (candidate.status !== 'pending') throw new CandidateError(`candidate ${id} is already ${candidate.status}`);
  const p = candidate.proposal;
  const date = options.effectiveFrom ?? p.effective_date;
  if (!date) throw new CandidateError(`the event behind ${id} has no exact date (${p.event.date ? `${p.event.date.precision} ${p.event.date.start}` : 'none'}); give --effective-from YYYY-MM-DD`);
  const today = options.now.slice(0, 10);
  const source: PolicySource = { kind: 'event', event_id: p.event.id, document_id: p.evidence.document_id, evidence: { sentence: p.evidence.sentence, start: p.evidence.start, end: p.evidence.end }, citation: `candidate ${id} (${p.rule})` };
  const knownFrom = p.announced && p.announced < date ? p.announced : date;
  let versionId: string;
  await store.db.transaction().execute(async (trx) => {
    if (options.instrumentId) {
      const instrument = (await loadInstruments(trx, [options.instrumentId]))[0];
      if (!instrument) throw new CandidateError(`no instrument with id "${options.instrumentId}"`);
      const current = openVersion(instrument);
      const seq = Math.max(0, ...instrument.versions.map((v) => v.seq)) + 1;
      let label = `v${seq}`;
      while (instrument.versions.some((v) => v.label === label)) label += 'b';
      versionId = `${instrument.id}/${label}`;
      let version: PolicyVersion;
      if (p.change === 'ends') {
        if (!current) throw new CandidateError(`instrument ${instrument.id} has no open version to end`);
        if (date <= current.effective_from) throw new CandidateError(`the end date ${date} is not after the start of ${current.id} (${current.effective_from})`);
        version = { ...current, id: versionId, label, seq, effective_to: addDays(date, -1), superseded_by: null, known_from: knownFrom, recorded_at: today, announced: p.announced, note: `ended from ${date} (candidate ${id})`, sources: [...current.sources, source] };
      } else {
        version = { id: versionId, instrument_id: instrument.id, label, seq, announced: p.announced, known_from: knownFrom, recorded_at: today, effective_from: date, effective_from_precision: 'day', effective_to: null, superseded_by: null, conditions: {}, note: `from candidate ${id}`, sources: [source] };
      }
      await insertVersion(trx, version);
      if (current) await trx.updateTable('policy_version').set({ superseded_by: versionId }).where('id', '=', current.id).execute();
    } else {
      if (p.change === 'ends') throw new CandidateError(`candidate ${id} proposes the end of a measure; give --instrument ID of the instrument it ends`);
      if (!p.issuer || !p.beneficiaries.length) throw new CandidateError(`candidate ${id} lacks ${p.issuer ? 'the countries it applies to' : 'an issuing country'}; give --instrument ID to add it to an existing instrument`);
      const instrumentId = `${p.issuer}-${p.kind}-${p.beneficiaries.join('-')}-${date}`.toLowerCase().replace(/_/g, '-');
      if ((await loadInstruments(trx, [instrumentId])).length) throw new CandidateError(`instrument ${instrumentId} exists already; give --instrument ${instrumentId} to add a version to it`);
      versionId = `${instrumentId}/v1`;
      await insertInstrument(trx, {
        id: instrumentId,
        issuer: p.issuer,
        beneficiaries: p.beneficiaries,
        kind: p.kind,
        title: options.title ?? p.title,
        formal: true,
        note: `created from candidate ${id}`,
        imported_from: `candidate:${id}`,
        recorded_at: today,
        versions: [{ id: versionId, instrument_id: instrumentId, label: 'v1', seq: 1, announced: p.announced, known_from: knownFrom, recorded_at: today, effective_from: date, effective_from_precision: 'day', effective_to: null, superseded_by: null, conditions: {}, note: null, sources: [source] }],
      });
    }
    await trx.updateTable('policy_candidate').set({ status: 'accepted', decided_at: options.now, version_id: versionId }).where('id', '=', id).execute();
  });
  return versionId!;
}

export async function rejectCandidate(store: Store, id: string, reason: string | null, now: string): Promise<void> {
  const candidate = await findCandidate(store, id);
  if (!candidate) throw new CandidateError(`no candidate with id "${id}"`);
  if (candidate.status !== 'pending') throw new CandidateError(`candidate ${id} is already ${candidate.status}`);
  await store.db.updateTable('policy_candidate').set({ status: 'rejected', decided_at: now, decision_note: reason }).where('id', '=', id).execute();
}
