import { createHash } from 'node:crypto';
import type { DateValue, LocationRef, Quad } from '../../types.js';
import { GRIDS, periodHolding, type Grid } from '../grid.js';
import { getPlaceIndex, PLACE_RANK, type PlaceIndex } from './places.js';
import type { FusionReport } from './report.js';

/** asserted: happened (at least one report says so); future: only announced or planned; negated; hypothetical. */
export type FusedStatus = 'asserted' | 'future' | 'negated' | 'hypothetical';

/** One real-world event and what its reports agree on (docs/fusion.md). */
export interface FusedEvent {
  /** `fe-` + 16 hex digits of SHA-256 of the earliest report's event id. */
  id: string;
  /** Most reported category (ties: the earliest report's). */
  event_type: string;
  family: string;
  mode: string | null;
  quad: Quad;
  /** Median PLOVER score of the reports with the representative category and mode. */
  score: number;
  /** Every context any report gives. */
  contexts: string[];
  /** Actor and recipient are the same set of parties (symmetric family or mutual reports). */
  mutual: boolean;
  actor: string[];
  recipient: string[];
  date: DateValue | null;
  location: LocationRef | null;
  status: FusedStatus;
  reports: number;
  documents: number;
  /** Distinct outlets; a document without an outlet counts as an outlet of its own. */
  sources: number;
  /** |score| × sources: how much weight the event carries in briefs. */
  importance: number;
  first_published: string | null;
  last_published: string | null;
  first_ingested: string;
  last_ingested: string;
  /** Grid periods holding the date; null where the date is coarser than the period. */
  periods: Record<Grid, string | null>;
  /** Event ids of the reports, earliest first. */
  report_ids: string[];
}

const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, year: 5, decade: 6 };

/**
 * The order that decides which report is "earliest": publication date (undated documents last),
 * then event id. The fused id hashes the first report's event id.
 */
export function reportOrder(a: FusionReport, b: FusionReport): number {
  const pa = a.published ?? '9999-99-99';
  const pb = b.published ?? '9999-99-99';
  return pa < pb ? -1 : pa > pb ? 1 : a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

export function fusedId(earliestEventId: string): string {
  return `fe-${createHash('sha256').update(`fused:${earliestEventId}`).digest('hex').slice(0, 16)}`;
}

/** The value most reports share; ties go to the value of the earliest report (reports come in reportOrder). */
function mostCommon<T>(items: T[], keyOf: (t: T) => string): T {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  let best = items[0] as T;
  for (const t of items) if (counts.get(keyOf(t))! > counts.get(keyOf(best))!) best = t;
  return best;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor((v.length - 1) / 2)]!;
}

function minMax(values: Array<string | null>): [string | null, string | null] {
  const v = values.filter((x): x is string => x !== null).sort();
  return [v[0] ?? null, v[v.length - 1] ?? null];
}

/**
 * What a cluster of reports says about its event: the representative category, mode and score,
 * every party, the most precise date and location, and counts of reports, documents and outlets.
 */
export function summarizeCluster(cluster: FusionReport[], places: PlaceIndex = getPlaceIndex()): FusedEvent {
  const reports = [...cluster].sort(reportOrder);
  const first = reports[0]!;
  const rep = mostCommon(reports, (r) => r.event.event_type).event.event_type;
  const ofType = reports.filter((r) => r.event.event_type === rep);
  const withMode = ofType.filter((r) => r.event.mode !== null);
  const mode = withMode.length ? mostCommon(withMode, (r) => r.event.mode!).event.mode : null;
  const scored = ofType.filter((r) => r.event.mode === mode);
  const score = median(scored.map((r) => r.event.score));
  const mutual = reports.some((r) => r.orderFree);
  const all = (pick: (r: FusionReport) => string[]) => [...new Set(reports.flatMap(pick))].sort();
  const parties = all((r) => r.parties);
  const dated = reports.filter((r) => r.event.date);
  const dateRank = (r: FusionReport) => (r.textual ? 0 : 10) + (PRECISION_RANK[r.event.date!.precision] ?? 9);
  const bestRank = Math.min(...dated.map(dateRank));
  const date = dated.length ? mostCommon(dated.filter((r) => dateRank(r) === bestRank), (r) => `${r.event.date!.start}/${r.event.date!.end}`).event.date : null;
  const located = reports.filter((r) => r.event.location);
  const placeRank = (r: FusionReport) => PLACE_RANK[places.kind(r.event.location!.text).kind];
  const bestPlace = Math.max(...located.map(placeRank));
  const location = located.length ? mostCommon(located.filter((r) => placeRank(r) === bestPlace), (r) => r.event.location!.text.trim().toLowerCase()).event.location : null;
  const statuses = new Set(reports.map((r) => r.status));
  const status: FusedStatus = statuses.has('asserted') ? (reports.every((r) => r.status !== 'asserted' || r.event.future) ? 'future' : 'asserted') : statuses.has('negated') ? 'negated' : 'hypothetical';
  const sources = new Set(reports.map((r) => (r.outlet ? `outlet:${r.outlet.trim().toLowerCase()}` : `document:${r.document_id}`))).size;
  const [firstPublished, lastPublished] = minMax(reports.map((r) => r.published));
  const [firstIngested, lastIngested] = minMax(reports.map((r) => r.ingested_at));
  const periods = Object.fromEntries(GRIDS.map((g) => [g, date ? periodHolding(date.start, date.end, g) : null])) as Record<Grid, string | null>;
  return {
    id: fusedId(first.event.id),
    event_type: rep,
    family: first.family,
    mode,
    quad: ofType[0]!.event.quad,
    score,
    contexts: all((r) => r.event.contexts),
    mutual,
    actor: mutual ? parties : all((r) => r.actors),
    recipient: mutual ? parties : all((r) => r.recipients),
    date: date ? { ...date } : null,
    location: location ? { ...location } : null,
    status,
    reports: reports.length,
    documents: new Set(reports.map((r) => r.document_id)).size,
    sources,
    importance: Math.abs(score) * sources,
    first_published: firstPublished,
    last_published: lastPublished,
    first_ingested: firstIngested!,
    last_ingested: lastIngested!,
    periods,
    report_ids: reports.map((r) => r.event.id),
  };
}
