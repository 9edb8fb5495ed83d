import { z } from 'zod';
import { getGazetteer } from '../../knowledge/gazetteer.js';
import { changesBetween, versionsInForce, type InForce, type PolicyChange } from '../../policy/in-force.js';
import type { Store } from '../../store/db.js';
import { selectFusedEvents, selectFusedReports, type FusedReportView } from '../../store/queries/fused-events.js';
import { selectInstruments } from '../../store/queries/policies.js';
import { selectQuotes, type QuoteRow } from '../../store/queries/quotes.js';
import { selectRelationsIndex, fusedLabel } from '../../store/queries/relations-index.js';
import { selectStatistics, type StatisticRow } from '../../store/queries/statistics.js';
import type { Evidence } from '../../types.js';
import type { FusedEvent } from '../fusion/summarize.js';
import { largestMoves, type IndexMonth } from '../relations-index.js';

const country = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What a brief covers (docs/brief.md). */
export const BriefParamsSchema = z
  .strictObject({
    a: country,
    b: country,
    from: day,
    to: day,
    /** Index half-life in months. */
    half_life: z.number().positive().max(1200).default(6),
    top_events: z.number().int().min(1).max(50).default(8),
    moves: z.number().int().min(1).max(24).default(5),
    statistics: z.number().int().min(0).max(50).default(8),
    quotes: z.number().int().min(0).max(50).default(6),
  })
  .refine((p) => p.a !== p.b, 'a and b must be two different countries')
  .refine((p) => p.from <= p.to, 'from must not be after to');
export type BriefParamsInput = z.input<typeof BriefParamsSchema>;
export type BriefParams = z.output<typeof BriefParamsSchema>;

/** One numbered piece of evidence: a sentence of a stored document. */
export interface EvidenceRef {
  n: number;
  document_id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  sentence_index: number | null;
  start: number;
  end: number;
  sentence: string;
}

export interface BriefEvent {
  event: FusedEvent;
  label: string;
  /** One entry per report, earliest first, each with its evidence number. */
  sources: Array<{ outlet: string | null; title: string | null; published: string | null; evidence: number }>;
}

export interface BriefMove {
  month: IndexMonth;
  /** Events with the largest contributions, with the evidence of their earliest report. */
  events: Array<{ label: string; contribution: number; evidence: number | null }>;
}

export interface BriefData {
  params: BriefParams;
  names: { a: string; b: string };
  /** Documents stored, and the latest ingest time (the data's "as of"). */
  documents: number;
  data_as_of: string | null;
  index: { start: number; months: IndexMonth[] };
  moves: BriefMove[];
  top_events: BriefEvent[];
  /** Fused events of the pair dated in the period (asserted). */
  events_in_period: number;
  statistics: Array<{ row: StatisticRow; evidence: number }>;
  quotes: Array<{ row: QuoteRow; evidence: number }>;
  policies_in_force: InForce[];
  policy_changes: PolicyChange[];
  evidence: EvidenceRef[];
}

/** Numbers evidence in order of first citation; the same sentence keeps its number. */
class EvidenceBook {
  readonly list: EvidenceRef[] = [];
  private readonly byKey = new Map<string, number>();
  cite(doc: { document_id: string; title: string | null; outlet: string | null; published: string | null; url?: string | null }, ev: Evidence): number {
    const key = `${doc.document_id}:${ev.start}:${ev.end}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const n = this.list.length + 1;
    this.list.push({ n, document_id: doc.document_id, title: doc.title, outlet: doc.outlet, published: doc.published, url: doc.url ?? null, sentence_index: ev.sentence_index ?? null, start: ev.start, end: ev.end, sentence: ev.sentence.replace(/\s+/g, ' ').trim() });
    this.byKey.set(key, n);
    return n;
  }
}

/** Names, aliases and adjectives of a country, to tell whether a statistic is about the pair. */
function countryTerms(code: string): { name: string; terms: string[] } {
  const c = getGazetteer().countries.get(code);
  if (!c) return { name: code, terms: [code] };
  const terms = [c.name, ...(c.aliases ?? []), ...(c.adjectives ?? []), ...(c.capitals ?? [])].filter((t) => /^[A-Za-z][A-Za-z .'-]{2,}$/.test(t));
  return { name: c.name, terms };
}

function mentions(text: string, terms: string[]): boolean {
  return terms.some((t) => new RegExp(`(?:^|[^A-Za-z])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^A-Za-z])`).test(text));
}

/**
 * Gather everything a brief shows, from the store only (docs/brief.md). Deterministic: every
 * list has a total order, and nothing depends on the clock.
 */
export async function collectBrief(store: Store, input: BriefParamsInput): Promise<BriefData> {
  const p = BriefParamsSchema.parse(input);
  const book = new EvidenceBook();
  const A = countryTerms(p.a);
  const B = countryTerms(p.b);
  const docs = await store.db.selectFrom('document').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('ingested_at').as('latest')]).executeTakeFirst();

  const idx = await selectRelationsIndex(store, { a: p.a, b: p.b, from: p.from, to: p.to, half_life: p.half_life });
  const dyad = `${p.a}-${p.b}`;
  const top = (await selectFusedEvents(store, { dyad, from: p.from, to: p.to, status: ['asserted'], sort: 'importance', limit: p.top_events })).events;
  const inPeriod = await selectFusedEvents(store, { dyad, from: p.from, to: p.to, status: ['asserted'], limit: 100_000 });
  const moveMonths = largestMoves({ params: idx.params, start: idx.start, months: idx.months }, p.moves);
  const moveIds = moveMonths.flatMap((m) => m.events.slice(0, 3).map((e) => e.id));
  const reports = await selectFusedReports(store, [...new Set([...top.map((e) => e.id), ...moveIds])]);
  const ordered = (e: FusedEvent): FusedReportView[] => {
    const order = new Map(e.report_ids.map((id, i) => [id, i]));
    return [...(reports.get(e.id) ?? [])].sort((x, y) => order.get(x.event.id)! - order.get(y.event.id)!);
  };

  // Evidence is numbered in the order the brief cites it: what changed, then top events, statistics, quotes.
  const moves: BriefMove[] = moveMonths.map((month) => ({
    month,
    events: month.events.slice(0, 3).map((c) => {
      const fused = idx.events?.[c.id];
      const first = fused ? ordered(fused)[0] : undefined;
      return { label: c.label, contribution: c.contribution, evidence: first ? book.cite(first, first.event.evidence) : null };
    }),
  }));
  const top_events: BriefEvent[] = top.map((event) => ({
    event,
    label: fusedLabel(event),
    // Two reports from one sentence are one source.
    sources: ordered(event)
      .map((r) => ({ outlet: r.outlet, title: r.title, published: r.published, evidence: book.cite(r, r.event.evidence) }))
      .filter((s, i, all) => all.findIndex((x) => x.evidence === s.evidence) === i),
  }));

  // Statistics and quotes come from documents that report an event of the pair.
  const relevant = new Set((await store.db.selectFrom('fused_report').innerJoin('fused_party as x', 'x.fused_id', 'fused_report.fused_id').innerJoin('fused_party as y', 'y.fused_id', 'fused_report.fused_id').select('fused_report.document_id').where('x.country', '=', p.a).where('y.country', '=', p.b).execute()).map((r) => r.document_id));
  // A statistic counts when it describes the period or was reported in it.
  const inPeriodOrReported = (s: StatisticRow) => (s.period !== null && s.period.end >= p.from && s.period.start <= p.to) || (s.published !== null && s.published >= p.from && s.published <= p.to);
  const stats = (await selectStatistics(store, { limit: 10_000 })).rows
    .filter((s) => relevant.has(s.document_id) && s.measure !== null && inPeriodOrReported(s))
    .filter((s) => mentions(`${s.measure ?? ''} ${s.subject ?? ''} ${s.evidence.sentence}`, [...A.terms, ...B.terms]))
    .sort((x, y) => Number(y.change !== null) - Number(x.change !== null) || (y.published ?? '').localeCompare(x.published ?? '') || x.id.localeCompare(y.id))
    .slice(0, p.statistics);
  const quoteRows = (await selectQuotes(store, { from: p.from, to: p.to, direct: true, limit: 10_000 })).rows
    .filter((q) => relevant.has(q.document_id) && q.speaker && (q.speaker.country === p.a || q.speaker.country === p.b))
    .sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || x.id.localeCompare(y.id));
  const seenSpeakers = new Set<string>();
  const quotes = quoteRows.filter((q) => {
    const who = q.speaker!.id ?? q.speaker!.name ?? q.speaker!.text;
    if (seenSpeakers.has(who)) return false;
    seenSpeakers.add(who);
    return true;
  }).slice(0, p.quotes);
  const docMeta = new Map((await store.db.selectFrom('document').select(['id', 'title', 'outlet', 'published', 'url']).where('id', 'in', [...new Set([...stats.map((s) => s.document_id), ...quotes.map((q) => q.document_id), ''])]).execute()).map((d) => [d.id, d]));
  const cite = (documentId: string, ev: Evidence) => {
    const d = docMeta.get(documentId)!;
    return book.cite({ document_id: d.id, title: d.title, outlet: d.outlet, published: d.published, url: d.url }, ev);
  };

  const instruments = await selectInstruments(store, { between: [p.a, p.b] });
  return {
    params: p,
    names: { a: A.name, b: B.name },
    documents: Number(docs?.n ?? 0),
    data_as_of: docs?.latest ? String(docs.latest) : null,
    index: { start: idx.start, months: idx.months },
    moves,
    top_events,
    events_in_period: inPeriod.events.length,
    statistics: stats.map((row) => ({ row, evidence: cite(row.document_id, row.evidence) })),
    quotes: quotes.map((row) => ({ row, evidence: cite(row.document_id, row.evidence) })),
    policies_in_force: versionsInForce(instruments, { date: p.to, between: [p.a, p.b] }),
    policy_changes: changesBetween(instruments, p.from, p.to),
    evidence: book.list,
  };
}
