import { stringify } from 'yaml';
import { toCsv } from '../util/csv.js';
import { POLICY_CSV_COLUMNS, SOURCE_SEPARATOR } from './read-file.js';
import type { PolicyInstrument, PolicySource, PolicyVersion } from './types.js';

function localRef(v: PolicyVersion): string | undefined {
  if (!v.superseded_by) return undefined;
  const prefix = `${v.instrument_id}/`;
  return v.superseded_by.startsWith(prefix) ? v.superseded_by.slice(prefix.length) : v.superseded_by;
}

function sourceObject(s: PolicySource): Record<string, unknown> {
  if (s.kind === 'event') {
    return { event: s.event_id, ...(s.document_id ? { document: s.document_id } : {}), ...(s.citation ? { citation: s.citation } : {}), ...(s.evidence ? { evidence: s.evidence } : {}) };
  }
  return { citation: s.citation, ...(s.url ? { url: s.url } : {}), ...(s.published ? { published: s.published } : {}) };
}

function versionObject(v: PolicyVersion): Record<string, unknown> {
  const o: Record<string, unknown> = { id: v.label };
  if (v.announced) o.announced = v.announced;
  if (v.known_from !== (v.announced ?? v.effective_from)) o.known_from = v.known_from;
  o.recorded = v.recorded_at;
  o.effective_from = v.effective_from;
  if (v.effective_from_precision !== 'day') o.effective_from_precision = v.effective_from_precision;
  if (v.effective_to) o.effective_to = v.effective_to;
  const sup = localRef(v);
  if (sup) o.superseded_by = sup;
  if (Object.keys(v.conditions).length) o.conditions = v.conditions;
  if (v.note) o.note = v.note;
  o.sources = v.sources.map(sourceObject);
  return o;
}

/**
 * The registry as a YAML policy file (the format `bilat policies import` reads). Lossless:
 * reading the output gives the same instruments.
 */
export function writePolicyYaml(instruments: PolicyInstrument[]): string {
  const doc = {
    instruments: instruments.map((i) => ({
      id: i.id,
      issuer: i.issuer,
      beneficiaries: i.beneficiaries,
      kind: i.kind,
      title: i.title,
      formal: i.formal,
      ...(i.note ? { note: i.note } : {}),
      versions: i.versions.map(versionObject),
    })),
  };
  return stringify(doc, { lineWidth: 0 });
}

/** The registry as CSV, one row per version. Event evidence is not included (see YAML). */
export function writePolicyCsv(instruments: PolicyInstrument[]): string {
  const rows = instruments.flatMap((i) =>
    i.versions.map((v) => {
      const citations = v.sources.filter((s) => s.kind === 'citation');
      const events = v.sources.filter((s) => s.kind === 'event');
      const c = v.conditions;
      return {
        instrument_id: i.id,
        issuer: i.issuer,
        beneficiaries: i.beneficiaries.join(' '),
        kind: i.kind,
        title: i.title,
        formal: i.formal,
        instrument_note: i.note,
        version: v.label,
        announced: v.announced,
        known_from: v.known_from,
        recorded: v.recorded_at,
        effective_from: v.effective_from,
        effective_from_precision: v.effective_from_precision,
        effective_to: v.effective_to,
        superseded_by: localRef(v),
        max_stay_days: c.max_stay_days,
        purposes: c.purposes?.join('; '),
        group_size_min: c.group_size_min,
        designated_agencies: c.designated_agencies,
        regions: c.regions?.join('; '),
        passports: c.passports?.join('; '),
        conditions_note: c.note,
        note: v.note,
        source_citations: citations.map((s) => s.citation).join(SOURCE_SEPARATOR),
        source_urls: citations.some((s) => s.url) ? citations.map((s) => s.url ?? '').join(SOURCE_SEPARATOR) : '',
        source_published: citations.some((s) => s.published) ? citations.map((s) => s.published ?? '').join(SOURCE_SEPARATOR) : '',
        source_events: events.map((s) => s.event_id).join(SOURCE_SEPARATOR),
      };
    }),
  );
  return toCsv(rows, [...POLICY_CSV_COLUMNS]);
}
