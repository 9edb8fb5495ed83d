import { compatible, distinctActs } from './compatible.js';
import type { PlaceIndex } from './places.js';
import type { FusionReport } from './report.js';

const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, year: 5, decade: 6 };

/** Finest first, textual before publication-date windows, then by window start and id. */
function satelliteOrder(a: FusionReport, b: FusionReport): number {
  const pa = a.textual ? (PRECISION_RANK[a.event.date?.precision ?? 'decade'] ?? 6) : 7;
  const pb = b.textual ? (PRECISION_RANK[b.event.date?.precision ?? 'decade'] ?? 6) : 7;
  return pa - pb || (a.lo ?? '').localeCompare(b.lo ?? '') || a.event.id.localeCompare(b.event.id);
}

/**
 * A report dated only by its publication tells the latest news: of several core groups it fits,
 * it belongs to the one whose fitting cores are latest, when exactly one is.
 */
function latestBefore(s: FusionReport, fits: Array<[number, FusionReport[]]>, places?: PlaceIndex): [number, FusionReport[]] | undefined {
  const latest = fits.map(([root, members]) => [root, members, members.filter((c) => compatible(s, c, places)).reduce((d, c) => (c.lo! > d ? c.lo! : d), '')] as const);
  latest.sort((x, y) => y[2].localeCompare(x[2]));
  return latest.length && (latest.length === 1 || latest[0]![2] > latest[1]![2]) ? [latest[0]![0], latest[0]![1]] : undefined;
}

/**
 * Of several groups a report of a measure fits, those of its phase (docs/fusion.md): a report of
 * the taking effect ("in force since November") belongs with the reports of the taking effect, any
 * other report (the announcement, or the measure named as done) with the groups that report no
 * taking effect. All of them when the preference leaves none.
 */
function byPhase(s: FusionReport, fits: Array<[number, FusionReport[]]>): Array<[number, FusionReport[]]> {
  const effect = (members: FusionReport[]) => members.filter((m) => m.phase === 'effect').length > members.filter((m) => m.phase === 'announcement').length;
  const kept = fits.filter(([, members]) => (s.phase === 'effect') === effect(members));
  return kept.length ? kept : fits;
}

/**
 * A report with topic words fits a group only when it shares one with the group's words (those of
 * all its reports), when the group has any: a core with no topic word ("the meeting was called off
 * on Thursday") fits any report, but must not carry a report about something else into its event.
 */
function sharesTopic(s: FusionReport, members: FusionReport[]): boolean {
  const words = new Set(members.flatMap((m) => m.words));
  if (!s.words.length || !words.size) return true;
  // Vague in time (a year or coarser) and vague in topic (only a domain in common: "entertainment")
  // singles out no event: such a report needs a word or a narrower concept in common.
  const coarse = s.lo !== null && s.hi !== null && daysBetween(s.lo, s.hi) > COARSE_DAYS;
  return s.words.some((w) => words.has(w) && !(coarse && w.startsWith(DOMAIN_MARK)));
}

/** Topic words of domains (broad concepts, data/fusion/topic-synonyms.yaml) start with this. */
const DOMAIN_MARK = '=~';

/** A window longer than a quarter is coarse: a year, a half, a decade. */
const COARSE_DAYS = 92;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/**
 * Of several groups a report fits, the one whose reports share the most topic words with its act's
 * clause, when one shares strictly more than any other ("the National Assembly impeached Yoon in
 * December" goes with the impeachment of 14 December, not with another December accusation). All
 * of them otherwise.
 */
function byTopic(s: FusionReport, fits: Array<[number, FusionReport[]]>): Array<[number, FusionReport[]]> {
  if (fits.length < 2 || !s.clauseTopics.length) return fits;
  const scored = fits.map((f) => [f, sharedTopics(s, f[1])] as const).sort((a, b) => b[1] - a[1]);
  return scored[0]![1] > 0 && scored[0]![1] > scored[1]![1] ? [scored[0]![0]] : fits;
}

/** How many topic words of a report's act clause a group's reports share. */
function sharedTopics(s: FusionReport, members: FusionReport[]): number {
  return new Set(members.flatMap((m) => m.clauseTopics).filter((w) => s.clauseTopics.includes(w))).size;
}

/**
 * Of several groups a report of a measure fits, those of its phase, then the one sharing the most
 * topic words (`byPhase`, `byTopic`). The phase is a preference: when no group of the report's
 * phase shares a topic word with it, the group of any phase that shares
 * strictly the most takes it ("lengthened the permitted stay at the end of that month", with no
 * cue of either phase, goes with "on Nov. 30 lengthened the permitted stay", not with an
 * announcement of another measure that month).
 */
function byPhaseAndTopic(s: FusionReport, fits: Array<[number, FusionReport[]]>): Array<[number, FusionReport[]]> {
  const phased = byPhase(s, fits);
  const chosen = byTopic(s, phased);
  if (phased.length === fits.length || !s.clauseTopics.length || phased.some(([, m]) => sharedTopics(s, m) > 0)) return chosen;
  const any = byTopic(s, fits);
  return any.length === 1 ? any : chosen;
}

function byId(a: FusionReport, b: FusionReport): number {
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/**
 * Group reports into real-world events (docs/fusion.md). The result depends only on the set of
 * reports, never on their order, so fusing a connected group of reports afresh gives the same
 * clusters however the documents arrived:
 *
 * 1. Core reports (a day-precision date from the text, both sides known) are linked whenever
 *    compatible; each connected group of cores is one event. A new core that fits two groups
 *    bridges and merges them — unless the two hold reports of distinct acts (`distinctActs`: a
 *    trip and a meeting, a call and a visit…), which no event can hold together.
 * 2. Every other report (a coarser or publication-derived date, or an unknown side) joins the one
 *    core group it fits — fits at least half of its cores, so that a chain of nested party sets
 *    cannot carry it into an event most of whose reports it contradicts. If it fits several, it is ambiguous and joins none of them — except a
 *    report dated only by its publication, which joins the group whose fitting cores are latest
 *    (news reports the latest happening), when one group is strictly latest.
 * 3. The reports left over form events among themselves: taken finest date first, each joins the
 *    first group whose every member it fits (complete link), else starts a new one — so a vague
 *    report never chains two precise ones together.
 *
 * @returns clusters, each sorted by event id, in order of their first event id
 */
export function clusterReports(reports: FusionReport[], places?: PlaceIndex): FusionReport[][] {
  const sorted = [...reports].sort(byId);
  const cores = sorted.filter((r) => r.core);
  const parent = cores.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const members = new Map(cores.map((_, i) => [i, [i]]));
  const apart = (x: number, y: number) => members.get(x)!.some((m) => members.get(y)!.some((n) => distinctActs(cores[m]!, cores[n]!) !== null));
  for (let i = 0; i < cores.length; i++) {
    for (let j = i + 1; j < cores.length; j++) {
      const [ri, rj] = [find(i), find(j)];
      if (ri === rj || !compatible(cores[i]!, cores[j]!, places) || apart(ri, rj)) continue;
      const [keep, gone] = [Math.min(ri, rj), Math.max(ri, rj)];
      parent[gone] = keep;
      members.set(keep, [...members.get(keep)!, ...members.get(gone)!]);
      members.delete(gone);
    }
  }
  const groups = new Map<number, FusionReport[]>();
  cores.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  // Satellites are matched against the cores only, and taken in a fixed order (finest date first,
  // then window start and id), so that the order they arrived in cannot matter.
  const attached = new Map<number, FusionReport[]>();
  const left: FusionReport[] = [];
  // Finest first, so that of two satellites of one group that are distinct acts the finer one stays.
  for (const s of sorted.filter((x) => !x.core).sort(satelliteOrder)) {
    const fits = [...groups.entries()].filter(([, members]) => 2 * members.filter((c) => compatible(s, c, places)).length >= members.length && members.every((c) => distinctActs(s, c) === null) && sharesTopic(s, members));
    const phased = fits.length > 1 ? byPhaseAndTopic(s, fits) : fits;
    const home = phased.length === 1 ? phased[0]! : s.textual ? undefined : latestBefore(s, phased, places);
    // No event holds two distinct acts (`distinctActs`): a satellite that is one with a satellite
    // already in the group ("Jeju has long admitted Chinese travellers" and "Seoul first floated
    // the idea in March", of one document, one undated) is left over instead.
    if (home && !(attached.get(home[0]) ?? []).some((m) => distinctActs(s, m) !== null)) attached.set(home[0], [...(attached.get(home[0]) ?? []), s]);
    else left.push(s);
  }
  const rest: FusionReport[][] = [];
  for (const s of left.sort(satelliteOrder)) {
    const home = rest.find((g) => g.every((m) => compatible(s, m, places)));
    if (home) home.push(s);
    else rest.push([s]);
  }
  const all = [...[...groups.entries()].map(([root, members]) => [...members, ...(attached.get(root) ?? [])]), ...rest].map((g) => g.sort(byId));
  return all.sort((a, b) => byId(a[0]!, b[0]!));
}
