import { createHash } from 'node:crypto';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import type { EventRecord } from '../../types.js';
import { addDays } from '../../util/dates.js';
import { CANDIDATE_EVENT_TYPES, proposeCandidate, type CandidateProposal, type CueRule } from '../../policy/candidates.js';
import type { PolicyInstrument, PolicySource, PolicyVersion } from '../../policy/types.js';
import { chunks, insertInstrument, insertVersion, loadInstruments } from './policies.js';

/** Candidate policy changes proposed from extracted events, and the user's decisions on them. */
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
