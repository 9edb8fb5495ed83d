import type { FusionReport } from './report.js';
import { getPlaceIndex, type PlaceIndex } from './places.js';

/** An international organisation as a party (`IGO:APEC`): the forum itself, not a country at it. */
function isForum(code: string): boolean {
  return code.startsWith('IGO:');
}

function sameSentence(a: FusionReport, b: FusionReport): boolean {
  return a.document_id === b.document_id && a.event.evidence.start === b.event.evidence.start && a.event.evidence.sentence === b.event.evidence.sentence;
}

function subsetOf(a: string[], b: string[]): boolean {
  return a.every((x) => b.includes(x));
}

/** Two country sets name the same participants: one holds the other. */
function nested(a: string[], b: string[]): boolean {
  return a.length > 0 && b.length > 0 && (subsetOf(a, b) || subsetOf(b, a));
}

/** One side of a directed event: equal or nested sets, or unknown (empty) on either report. */
function sideFits(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || nested(a, b);
}

/**
 * Why two reports of one family are two different acts whatever else they share, or null: kinds
 * (a trip, a meeting), exclusive modes (a phone call; each COERCE mode), forums (`IGO:…` parties),
 * a plan and an act reported in one document, an act its sentence calls separate, a mutual and a
 * one-sided act of a directed family, meetings of different sets of several countries, two acts
 * named in one sentence. No event holds two such reports, so
 * clustering never joins groups holding them, even through a report that fits both
 * (docs/fusion.md).
 */
export function distinctActs(a: FusionReport, b: FusionReport): string | null {
  if (a.kind && b.kind && a.kind !== b.kind) return `kinds ${a.kind} and ${b.kind} differ`;
  if ((a.exclusiveMode || b.exclusiveMode) && a.event.mode && b.event.mode && a.event.mode !== b.event.mode) return `modes ${a.event.mode} and ${b.event.mode} differ`;
  if (a.document_id === b.document_id && a.event.future !== b.event.future) return 'one document reports one act as done and another as planned';
  if (a.document_id === b.document_id && (!a.textual || !b.textual) && !a.undatedSameDocument && !sameSentence(a, b)) return 'one document names two acts, one without a date of its own';
  if (a.document_id === b.document_id && (a.separate || b.separate) && !sameSentence(a, b)) return 'one document calls one act separate from another';
  // "The two countries stopped issuing visas to each other's citizens" tells both sides' acts as one
  // event; "South Korea stopped issuing visas to Chinese" is one side's act, a part of it but not it.
  if (a.mutualApart && a.mutual !== b.mutual) return 'a mutual report and a one-sided report are two acts';
  if (a.manyActs && sameSentence(a, b) && a.event.trigger.trim().toLowerCase() !== b.event.trigger.trim().toLowerCase()) return `one sentence names two acts ("${a.event.trigger}", "${b.event.trigger}")`;
  const forums = (r: FusionReport) => r.parties.filter(isForum).join('+');
  if (forums(a) !== forums(b)) return `forums ${forums(a) || '-'} and ${forums(b) || '-'} differ`;
  // A trilateral summit and a bilateral meeting of two of its leaders are two meetings. With a forum
  // among the parties, a report naming fewer countries names fewer of those at it: not apart.
  const several = (r: FusionReport) => r.orderFree && !forums(r) && r.parties.length >= 2;
  if (a.sameParties && several(a) && several(b) && a.parties.join('+') !== b.parties.join('+')) return `meetings of ${a.parties.join('+')} and of ${b.parties.join('+')} are two acts`;
  return null;
}

/**
 * Why two reports cannot be one real-world event, or null when they can (docs/fusion.md):
 * same family and status, overlapping date windows, compatible countries (order-free when the
 * family is symmetric or either report is mutual), and no conflicting location.
 *
 * @example incompatibility(meetingOnJan5, meetingOnNov1) // → 'dates 2026-01-05…2026-01-05 and 2025-11-01…2025-11-01 do not overlap'
 */
export function incompatibility(a: FusionReport, b: FusionReport, places: PlaceIndex = getPlaceIndex()): string | null {
  if (a.family !== b.family) return `families ${a.family} and ${b.family} differ`;
  if (a.status !== b.status) return `statuses ${a.status} and ${b.status} differ`;
  if (a.status === 'hypothetical' && !a.fuseHypothetical) return 'hypothetical reports stay on their own';
  if (a.status === 'negated' && !a.fuseUndatedNegated && (!a.textual || !b.textual)) return 'a negation with no date of its own tells a state, not an event';
  if (a.parties.length === 0 || b.parties.length === 0) return 'no country';
  // ("Japan deployed…" with no recipient and "…deployed against the US" with no actor.) Two
  // reports that share no country are not one act — and a rebuild, which compares reports
  // only within a country's bucket, never joins them; incremental fusion must not either.
  if (!a.parties.some((p) => b.parties.includes(p))) return `no country in common (${a.parties.join('+')} / ${b.parties.join('+')})`;
  const apart = distinctActs(a, b);
  if (apart) return apart;
  if (a.lo === null || b.lo === null || a.hi === null || b.hi === null) return 'undated';
  if (a.lo > b.hi || b.lo > a.hi) return `dates ${a.lo}…${a.hi} and ${b.lo}…${b.hi} do not overlap`;
  if (a.orderFree || b.orderFree) {
    if (!nested(a.parties, b.parties)) return `parties ${a.parties.join('+') || '-'} and ${b.parties.join('+') || '-'} are not the same participants`;
  } else {
    if (!sideFits(a.actors, b.actors)) return `actors ${a.actors.join('+')} and ${b.actors.join('+')} differ`;
    if (!sideFits(a.recipients, b.recipients)) return `recipients ${a.recipients.join('+')} and ${b.recipients.join('+')} differ`;
  }
  if (a.topics.length && b.topics.length && !a.topics.some((t) => b.topics.includes(t))) return `topics ${a.topics.join('+')} and ${b.topics.join('+')} differ`;
  if (a.words.length && b.words.length && !a.words.some((w) => b.words.includes(w))) return `sentences share no topic word (${a.words.join(' ')} / ${b.words.join(' ')})`;
  const la = a.event.location;
  const lb = b.event.location;
  if (la && lb) {
    if (la.country && lb.country && la.country !== lb.country) return `locations in ${la.country} and ${lb.country}`;
    const ka = places.kind(la.text);
    const kb = places.kind(lb.text);
    const town = (k: typeof ka) => k.known && k.kind === 'city';
    if (town(ka) && town(kb) && la.text.trim().toLowerCase() !== lb.text.trim().toLowerCase()) return `locations ${la.text} and ${lb.text} are different towns`;
  }
  return null;
}

export function compatible(a: FusionReport, b: FusionReport, places?: PlaceIndex): boolean {
  return incompatibility(a, b, places) === null;
}
