import type { PolicyInstrument, PolicyVersion } from './types.js';

export interface InForceQuery {
  /** The day asked about (valid time). */
  date: string;
  /** Knowledge time: only what was public on this day counts (default: everything recorded). */
  asOf?: string;
  /** Two ISO3 codes: instruments issued by either one that apply to the other. */
  between?: [string, string];
}

export interface InForce {
  instrument: PolicyInstrument;
  version: PolicyVersion;
}

/** True when the instrument is issued by one country of the pair and applies to the other. */
export function concernsPair(instrument: PolicyInstrument, a: string, b: string): boolean {
  return (instrument.issuer === a && instrument.beneficiaries.includes(b)) || (instrument.issuer === b && instrument.beneficiaries.includes(a));
}

function known(v: PolicyVersion, asOf: string | undefined): boolean {
  return asOf === undefined || v.known_from <= asOf;
}

/**
 * The versions in force on `date`, as known on `asOf`. A version is in force when its
 * interval contains the day, and it is not replaced by a known successor (`superseded_by`)
 * that had started by then. Pure: the store loads instruments, this decides.
 *
 * @example versionsInForce(instruments, { date: '2025-01-15', between: ['CHN', 'KOR'] })
 */
export function versionsInForce(instruments: PolicyInstrument[], query: InForceQuery): InForce[] {
  const byId = new Map(instruments.flatMap((i) => i.versions.map((v) => [v.id, v] as const)));
  const out: InForce[] = [];
  for (const instrument of instruments) {
    if (query.between && !concernsPair(instrument, query.between[0], query.between[1])) continue;
    for (const version of instrument.versions) {
      if (!known(version, query.asOf)) continue;
      if (version.effective_from > query.date) continue;
      if (version.effective_to !== null && version.effective_to < query.date) continue;
      const successor = version.superseded_by ? byId.get(version.superseded_by) : undefined;
      if (successor && known(successor, query.asOf) && successor.effective_from <= query.date) continue;
      out.push({ instrument, version });
    }
  }
  return out.sort((x, y) => x.instrument.issuer.localeCompare(y.instrument.issuer) || x.instrument.id.localeCompare(y.instrument.id) || x.version.seq - y.version.seq);
}

export interface PolicyChange {
  instrument: PolicyInstrument;
  version: PolicyVersion;
  /** `starts` on effective_from, `ends` the day after effective_to. */
  change: 'starts' | 'ends';
  date: string;
}

/** Version starts and ends falling within [from, to] (inclusive), in date order. */
export function changesBetween(instruments: PolicyInstrument[], from: string, to: string): PolicyChange[] {
  const out: PolicyChange[] = [];
  for (const instrument of instruments) {
    for (const version of instrument.versions) {
      if (version.effective_from >= from && version.effective_from <= to) out.push({ instrument, version, change: 'starts', date: version.effective_from });
      if (version.effective_to !== null && version.effective_to >= from && version.effective_to < to) out.push({ instrument, version, change: 'ends', date: version.effective_to });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Human summary of a version's conditions, e.g. `30 days; groups of 3+; designated agencies; Jeju`. */
export function describeConditions(v: PolicyVersion): string {
  const c = v.conditions;
  const parts: string[] = [];
  if (c.max_stay_days) parts.push(`${c.max_stay_days} days`);
  if (c.group_size_min) parts.push(`groups of ${c.group_size_min}+`);
  if (c.designated_agencies) parts.push('designated agencies');
  if (c.regions?.length) parts.push(c.regions.join(', '));
  if (c.passports?.length) parts.push(`${c.passports.join(', ')} passports`);
  if (c.purposes?.length) parts.push(c.purposes.join(', '));
  return parts.join('; ');
}

/** `2024-11-08…2025-12-31`, with the precision of an inexact start. */
export function describeInterval(v: PolicyVersion): string {
  const start = v.effective_from_precision === 'day' ? v.effective_from : v.effective_from_precision === 'on_or_before' ? `≤${v.effective_from}` : `~${v.effective_from} (${v.effective_from_precision})`;
  return `${start}…${v.effective_to ?? 'open'}`;
}
