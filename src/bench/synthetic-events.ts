import { createHash } from 'node:crypto';
import { getFusionRules } from '../analysis/fusion/rules.js';
import { toFusionReport, type FusionReport } from '../analysis/fusion/report.js';
import { summarizeCluster } from '../analysis/fusion/summarize.js';
import { getOntology, ploverQuad, ploverScore } from '../knowledge/ontology.js';
import type { Store } from '../store/db.js';
import type { Insertable } from 'kysely';
import { writeExtractionsOf } from '../store/documents.js';
import type { Database } from '../store/schema.js';
import { writeFused, writeKeys } from '../store/fusion.js';
import type { EventRecord } from '../types.js';
import { mulberry32 } from '../util/random.js';

/**
 * A synthetic database for load tests and benchmarks: documents whose sentences each report one
 * event between two countries, written straight into the tables in large transactions of
 * multi-row inserts (no extraction pipeline; `bulk.ts` has the build-only settings), with fused events built from the same reports (an event is reported by
 * one to three outlets). Deterministic for a seed.
 *
 * The text is made up from templates and says nothing true; it exists so that events carry
 * evidence with correct offsets and full-text search has something to index.
 */
export interface SyntheticOptions {
  /** Events to create (default 100,000). */
  events?: number;
  /** Events per document (default 5). */
  perDocument?: number;
  seed?: number;
  /** First and last day of event dates (default 2016-01-01 … 2026-06-30). */
  from?: string;
  to?: string;
  /** Documents per transaction (default 500). */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticSummary {
  documents: number;
  events: number;
  fused_events: number;
  seconds: number;
}

const COUNTRIES = ['CHN', 'KOR', 'JPN', 'USA', 'PRK', 'RUS', 'DEU', 'FRA', 'GBR', 'IND', 'VNM', 'AUS', 'CAN', 'BRA', 'IDN', 'THA'];
const NAMES: Record<string, string> = {
  CHN: 'Chinese', KOR: 'South Korean', JPN: 'Japanese', USA: 'American', PRK: 'North Korean', RUS: 'Russian', DEU: 'German', FRA: 'French',
  GBR: 'British', IND: 'Indian', VNM: 'Vietnamese', AUS: 'Australian', CAN: 'Canadian', BRA: 'Brazilian', IDN: 'Indonesian', THA: 'Thai',
};
const SECTORS = ['GOV', 'GOV', 'GOV', 'BUS', 'MED', 'CVL', 'CUL'];
const CONTEXTS = ['diplomatic', 'economic', 'culture', 'tourism', 'education', 'security', 'sport', 'legal'];
const OUTLETS = ['Harbour Daily', 'Capital Courier', 'Eastern Ledger', 'Morning Wire', 'Pacific Post', 'Northern Star', 'Global Bulletin', 'Metro Times'];
const VERBS: Record<string, string> = {
  AGREE: 'agreed with', CONSULT: 'held talks with', SUPPORT: 'voiced support for', CONCEDE: 'eased rules for', COOPERATE: 'signed a cooperation plan with',
  AID: 'sent aid to', RETREAT: 'withdrew measures against', REQUEST: 'called on', ACCUSE: 'accused', REJECT: 'rejected a proposal from',
  THREATEN: 'warned', PROTEST: 'protested to', SANCTION: 'imposed curbs on', MOBILIZE: 'moved forces near', COERCE: 'detained citizens of', ASSAULT: 'clashed with',
};

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
function hex(s: string, n = 20): string {
  return createHash('sha256').update(s).digest('hex').slice(0, n);
}

interface RealEvent {
  key: number;
  category: string;
  actor: string;
  recipient: string;
  sectors: [string, string];
  contexts: string[];
  day: number;
  negated: boolean;
}

/**
 * Fill an (empty) store with synthetic documents, events and fused events.
 *
 * @example await createSyntheticEvents(store, { events: 100_000 }) // about 20,000 documents
 */
export async function createSyntheticEvents(store: Store, options: SyntheticOptions = {}): Promise<SyntheticSummary> {
  const started = Date.now();
  const total = options.events ?? 100_000;
  const perDoc = options.perDocument ?? 5;
  const batch = options.batch ?? 500;
  const rand = mulberry32(options.seed ?? 20_261_207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lo = dayNumber(options.from ?? '2016-01-01');
  const hi = dayNumber(options.to ?? '2026-06-30');
  const ontology = getOntology();
  const rules = getFusionRules();
  const categories = [...ontology.byId.keys()];

  // Real-world events, each reported one to three times (in different documents and outlets).
  const reports: RealEvent[] = [];
  let key = 0;
  while (reports.length < total) {
    const showcase = rand() < 0.3;
    const a = showcase ? 'CHN' : pick(COUNTRIES);
    let b = showcase ? 'KOR' : pick(COUNTRIES);
    while (b === a) b = pick(COUNTRIES);
    const [actor, recipient] = rand() < 0.5 ? [a, b] : [b, a];
    const real: RealEvent = {
      key: key++,
      category: pick(categories),
      actor,
      recipient,
      sectors: [pick(SECTORS), pick(SECTORS)],
      contexts: [...new Set([pick(CONTEXTS), ...(rand() < 0.3 ? [pick(CONTEXTS)] : [])])],
      day: lo + Math.floor(rand() * (hi - lo + 1)),
      negated: rand() < 0.03,
    };
    const copies = rand() < 0.7 ? 1 : rand() < 0.7 ? 2 : 3;
    for (let i = 0; i < copies && reports.length < total; i++) reports.push(real);
  }
  // Shuffle so that the copies of one event land in different documents.
  for (let i = reports.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [reports[i], reports[j]] = [reports[j]!, reports[i]!];
  }

  const now = new Date('2026-07-01T00:00:00Z').toISOString();
  const fusionByReal = new Map<number, FusionReport[]>();
  let documents = 0;
  for (let start = 0; start < reports.length; start += perDoc * batch) {
    const slice = reports.slice(start, start + perDoc * batch);
    // Rows of the whole batch, written in multi-row statements at the end of it.
    const documentRows: Array<Insertable<Database['document']>> = [];
    const sentenceRows: Array<Database['sentence']> = [];
    const extractions: Array<{ documentId: string; events: EventRecord[]; statistics: []; quotes: [] }> = [];
    await store.db.transaction().execute(async (trx) => {
      for (let d = 0; d < slice.length; d += perDoc) {
        const items = slice.slice(d, d + perDoc);
        const docNo = documents++;
        const outlet = OUTLETS[docNo % OUTLETS.length]!;
        const published = dayString(Math.max(...items.map((r) => r.day)) + 1);
        const title = `Synthetic report ${docNo + 1}`;
        let text = `${title}\n\n`;
        const sentences: Array<{ index: number; start: number; end: number }> = [];
        const events: EventRecord[] = [];
        items.forEach((r, i) => {
          const date = dayString(r.day);
          const sentence = `On ${date}, ${NAMES[r.actor]} officials ${r.negated ? 'did not say they ' : ''}${VERBS[r.category] ?? 'met'} their ${NAMES[r.recipient]} counterparts on ${r.contexts.join(' and ')} matters (synthetic item ${r.key}).`;
          const s = text.length;
          text += `${sentence}\n\n`;
          sentences.push({ index: i, start: s, end: s + sentence.length });
          events.push({
            id: hex(`synthetic:${docNo}:${i}:${r.key}`),
            event_type: r.category,
            mode: null,
            contexts: r.contexts,
            actor: [{ text: `${NAMES[r.actor]} officials`, name: null, country: r.actor, sector: r.sectors[0] }],
            recipient: [{ text: `${NAMES[r.recipient]} counterparts`, name: null, country: r.recipient, sector: r.sectors[1] }],
            date: { start: date, end: date, precision: 'day', text: date, source: 'stated' },
            location: null,
            negated: r.negated,
            future: false,
            hypothetical: false,
            historical: false,
            score: ploverScore(ontology, r.category, null),
            quad: ploverQuad(ontology, r.category),
            trigger: VERBS[r.category] ?? 'met',
            evidence: { sentence_index: i, sentence, start: s, end: s + sentence.length },
            rule: 'synthetic/template',
          });
        });
        const id = hex(`synthetic-document:${docNo}:${text}`);
        documentRows.push({ id, title, url: null, outlet, language: 'en', published, published_source: 'metadata', format: 'synthetic', source_path: `synthetic/${docNo + 1}`, text, word_count: text.split(/\s+/).length, sentence_count: sentences.length, ingested_at: now, pipeline_version: 'synthetic' });
        for (const s of sentences) sentenceRows.push({ document_id: id, idx: s.index, char_start: s.start, char_end: s.end });
        extractions.push({ documentId: id, events, statistics: [], quotes: [] });
        events.forEach((e, i) => {
          const list = fusionByReal.get(items[i]!.key) ?? [];
          list.push(toFusionReport(e, { document_id: id, published, outlet, title, ingested_at: now }, rules));
          fusionByReal.set(items[i]!.key, list);
        });
      }
      for (let i = 0; i < documentRows.length; i += 100) await trx.insertInto('document').values(documentRows.slice(i, i + 100)).execute();
      for (let i = 0; i < sentenceRows.length; i += 500) await trx.insertInto('sentence').values(sentenceRows.slice(i, i + 500)).execute();
      await writeExtractionsOf(trx, extractions);
    });
    options.onProgress?.(Math.min(start + perDoc * batch, reports.length), reports.length);
  }

  // Fused events: the reports of one real-world event form one cluster.
  const clusters = [...fusionByReal.values()];
  let fused = 0;
  for (let i = 0; i < clusters.length; i += 2000) {
    const part = clusters.slice(i, i + 2000);
    const summaries = part.map((c) => summarizeCluster(c));
    const members = new Map(summaries.map((s, k) => [s.id, part[k]!]));
    await store.db.transaction().execute(async (trx) => {
      await writeKeys(trx, part.flat());
      await writeFused(trx, summaries, (s) => members.get(s.id)!);
    });
    fused += summaries.length;
  }
  return { documents, events: reports.length, fused_events: fused, seconds: (Date.now() - started) / 1000 };
}
