import type { Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { Database } from '../schema.js';
import { versionsInForce, type InForce, type InForceQuery } from '../../policy/in-force.js';
import type { PolicyConditions, PolicyInstrument, PolicyKind, PolicySource, PolicyVersion, StartPrecision } from '../../policy/types.js';

const CHUNK = 300;

export function chunks<T>(items: T[]): T[][] {
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

export async function insertInstrument(db: Kysely<Database>, i: PolicyInstrument): Promise<void> {
  await db
    .insertInto('policy_instrument')
    .values({ id: i.id, issuer: i.issuer, kind: i.kind, title: i.title, formal: i.formal ? 1 : 0, note: i.note, imported_from: i.imported_from, recorded_at: i.recorded_at })
    .execute();
  await db.insertInto('policy_beneficiary').values(i.beneficiaries.map((country) => ({ instrument_id: i.id, country }))).execute();
  for (const v of i.versions) await insertVersion(db, v);
}

export async function insertVersion(db: Kysely<Database>, v: PolicyVersion): Promise<void> {
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

export async function loadInstruments(db: Kysely<Database>, ids: string[]): Promise<PolicyInstrument[]> {
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
