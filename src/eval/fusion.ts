import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fuseReports } from '../analysis/fusion/fuse.js';
import { getFusionRules } from '../analysis/fusion/rules.js';
import { toFusionReport } from '../analysis/fusion/report.js';
import { incompatibility } from '../analysis/fusion/compatible.js';
import type { FusionReport } from '../analysis/fusion/report.js';
import { getOntology, ploverQuad, ploverScore } from '../knowledge/ontology.js';
import { splitSentences } from '../nlp/sentences.js';
import { runPipeline, PIPELINE_VERSION } from '../pipeline.js';
import { openStore } from '../store/db.js';
import { saveDocument } from '../store/documents.js';
import { fuseDocument, rebuildFusion } from '../store/fusion.js';
import { selectIndicators } from '../store/queries/indicators.js';
import { selectRelationsIndex } from '../store/queries/relations-index.js';
import type { DateValue, EventRecord } from '../types.js';
import { loadSampleCorpus, type GoldEvent, type SampleArticle } from './sample-corpus.js';
import { matchDocument } from './sample-events.js';
import type { EvalContext, EvalSection, Evaluator } from './section.js';

/**
 * Event fusion against the gold `cluster` ids of the sample corpus (docs/gold-format.md).
 *
 * Pairwise scores: over a set of items each with a gold cluster and a system cluster, a pair of
 * items is *gold-same* when their gold clusters are equal (gold events without a cluster id are
 * clusters of their own) and *system-same* when fusion put them in one fused event. Precision =
 * pairs both same / system-same pairs; recall = pairs both same / gold-same pairs.
 *
 * - end to end: system events are matched to gold events with the events evaluator's matcher
 *   (evidence sentence contains the gold anchor, same category); only matched events are scored.
 * - on gold events: the gold events themselves, turned into event records, are fused. This
 *   scores fusion alone, apart from extraction errors.
 *
 * Each is also scored on the pairs of reports both from dev articles and both from held-out
 * articles (the split of the other evaluators: even and odd file positions).
 *
 * The time to fuse (incrementally, document by document, and as a rebuild) and to compute the
 * CHN–KOR indicators and index for the whole corpus is printed, not targeted.
 */

type ClusteredGold = GoldEvent & { cluster?: string };

export interface PairCounts {
  both: number;
  system: number;
  gold: number;
}

/** Pairwise counts for items labelled with a gold and a system cluster. */
export function pairCounts(items: Array<{ gold: string; system: string }>): PairCounts {
  const c: PairCounts = { both: 0, system: 0, gold: 0 };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const g = items[i]!.gold === items[j]!.gold;
      const s = items[i]!.system === items[j]!.system;
      if (g) c.gold++;
      if (s) c.system++;
      if (g && s) c.both++;
    }
  }
  return c;
}

const ratio = (n: number, d: number) => (d ? n / d : null);

function goldKey(article: SampleArticle, g: ClusteredGold): string {
  return g.cluster ?? `${article.name}#${g.id}`;
}

function goldDate(g: GoldEvent, published: string | null): DateValue | null {
  const d = g.date;
  if (!d) return null;
  const v = d.value;
  let start = v;
  let end = v;
  if (/^\d{4}$/.test(v)) [start, end] = [`${v}-01-01`, `${v}-12-31`];
  else if (/^\d{4}-Q[1-4]$/.test(v)) {
    const q = Number(v.slice(6));
    const last = new Date(Date.UTC(Number(v.slice(0, 4)), q * 3, 0)).toISOString().slice(0, 10);
    [start, end] = [`${v.slice(0, 4)}-${String(q * 3 - 2).padStart(2, '0')}-01`, last];
  } else if (/^\d{4}-\d{2}$/.test(v)) [start, end] = [`${v}-01`, new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).toISOString().slice(0, 10)];
  const inferred = d.inferred === true && v === published;
  return { start, end, precision: d.precision, text: inferred ? null : v, source: inferred ? 'inferred' : 'stated' };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').trim();
}

/** The sentence of the article that holds the gold anchor (the anchor itself when none does). */
function sentenceOf(article: SampleArticle, anchor: string): { sentence: string; start: number; end: number; sentence_index: number } {
  const a = norm(anchor);
  const s = splitSentences(article.doc.text).find((x) => norm(x.text).includes(a));
  return s ? { sentence: s.text, start: s.start, end: s.end, sentence_index: s.index } : { sentence: anchor, start: 0, end: anchor.length, sentence_index: 0 };
}

/**
 * A gold event as the event record an ideal extractor would give. Its evidence is the whole
 * sentence holding the anchor, as an extracted event's would be, so that fusion compares the same
 * words it compares end to end.
 */
export function goldToEvent(article: SampleArticle, g: GoldEvent): EventRecord {
  const o = getOntology();
  const ref = (c: string) => ({ text: c, name: c, country: c, sector: null });
  let score = 0;
  try {
    score = ploverScore(o, g.category, g.mode);
  } catch {
    score = o.byId.get(g.category)?.score ?? 0;
  }
  const parties = g.mutual ? [...new Set([...g.actor, ...g.recipient])] : g.actor;
  return {
    id: `${article.name}#${g.id}`,
    event_type: g.category,
    mode: g.mode,
    contexts: g.contexts,
    actor: parties.map(ref),
    recipient: g.mutual ? [] : g.recipient.map(ref),
    date: goldDate(g, article.gold.published),
    location: g.location ? { text: g.location, country: null } : null,
    negated: g.negated,
    future: g.future,
    hypothetical: g.hypothetical,
    historical: g.historical,
    score,
    quad: o.byId.has(g.category) ? ploverQuad(o, g.category) : 'verbal_cooperation',
    trigger: g.trigger,
    evidence: sentenceOf(article, g.anchor),
    rule: 'gold',
  };
}

/** One scored report: its gold and system cluster, the report itself and a label for listings. */
interface ScoredReport {
  gold: string;
  system: string;
  report: FusionReport | null;
  label: string;
  /** The split of the report's article (docs: even file positions are dev, odd held-out). */
  split: 'dev' | 'held-out';
}

/** Pairwise scores over the pairs whose two reports are both from articles of one split. */
function splitMetrics(items: ScoredReport[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const split of ['dev', 'held-out'] as const) {
    const c = pairCounts(items.filter((i) => i.split === split));
    const key = split === 'dev' ? 'dev' : 'held_out';
    out[`pairwise_precision_${key}`] = ratio(c.both, c.system);
    out[`pairwise_recall_${key}`] = ratio(c.both, c.gold);
  }
  return out;
}

type ErrorClass = NonNullable<EvalSection['errors']>[number];

/**
 * The wrong pairs by class, largest first: false merges (one fused event, different gold
 * clusters) by whether both reports are in one document, and missed merges (one gold cluster,
 * different fused events) by the first rule that keeps them apart (`incompatibility`), or
 * "compatible but clustered apart" when no rule does (grouping left them apart).
 */
export function pairErrors(items: ScoredReport[]): ErrorClass[] {
  const classes = new Map<string, string[]>();
  const add = (k: string, example: string) => classes.set(k, [...(classes.get(k) ?? []), example]);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i]!, items[j]!];
      const g = a.gold === b.gold;
      const s = a.system === b.system;
      if (g === s) continue;
      // The split of the pair (both dev, both held-out, or across), for reading errors of one split only.
      const split = a.split === b.split ? a.split : 'across splits';
      const pair = `[${split}] ${a.label} | ${b.label}`;
      if (s) add(`false merge, ${a.report && b.report && a.report.document_id === b.report.document_id ? 'same document' : 'across documents'}`, pair);
      else {
        const why = a.report && b.report ? incompatibility(a.report, b.report) : 'not fused';
        add(`missed merge: ${why === null ? 'compatible but clustered apart' : why.replace(/^(\S+).*?(differ|do not overlap|are not the same participants|are different towns|share no topic word|undated|no country).*$/, '$1 $2')}`, `${pair}${why ? ` (${why})` : ''}`);
      }
    }
  }
  return [...classes.entries()].map(([k, v]) => ({ class: k, count: v.length, examples: v })).sort((x, y) => y.count - x.count || x.class.localeCompare(y.class));
}

function describeReport(name: string, r: FusionReport): string {
  const e = r.event;
  const flags = [e.negated && 'negated', e.hypothetical && 'hypothetical', e.future && 'future', e.historical && 'historical'].filter(Boolean).join(',');
  return `${name} ${e.event_type}${e.mode ? `/${e.mode}` : ''} ${r.actors.join('+') || '?'}→${r.recipients.join('+') || '-'} ${e.date ? `${e.date.start}${e.date.end !== e.date.start ? `…${e.date.end}` : ''}${r.textual ? '' : ' (pub)'}` : 'undated'}${e.location ? ` @${e.location.text}` : ''}${flags ? ` [${flags}]` : ''} “${e.evidence.sentence.length > 140 ? `${e.evidence.sentence.slice(0, 137)}…` : e.evidence.sentence}”`;
}

function withErrors(s: EvalSection, items: ScoredReport[]): EvalSection {
  const all = pairErrors(items);
  const metrics = { pairwise_precision: s.metrics.pairwise_precision ?? null, pairwise_recall: s.metrics.pairwise_recall ?? null, ...splitMetrics(items), ...s.metrics };
  return { ...s, metrics, errors: all.slice(0, 6).map((e) => ({ ...e, examples: e.examples.slice(0, 1) })), allErrors: all };
}

function section(id: string, title: string, c: PairCounts, counts: Record<string, number>, metrics: Record<string, number | null> = {}): EvalSection {
  return {
    id,
    title,
    metrics: { pairwise_precision: ratio(c.both, c.system), pairwise_recall: ratio(c.both, c.gold), ...metrics },
    counts: { ...counts, gold_same_pairs: c.gold, system_same_pairs: c.system, both_same_pairs: c.both },
    targets: { pairwise_precision: 0.9, pairwise_recall: 0.9 },
  };
}

/** Fuse the gold events themselves and score the clusters. */
export function evaluateOnGold(articles: SampleArticle[]): EvalSection {
  const rules = getFusionRules();
  const reports = articles.flatMap((a) => a.gold.events.map((g) => ({ key: goldKey(a, g as ClusteredGold), split: a.split, report: toFusionReport(goldToEvent(a, g), { document_id: a.doc.id, published: a.gold.published, outlet: a.doc.outlet, title: a.doc.title, ingested_at: '1970-01-01T00:00:00.000Z' }, rules) })));
  const fused = fuseReports(reports.map((r) => r.report));
  const systemOf = new Map(fused.flatMap((f) => f.report_ids.map((id) => [id, f.id])));
  const items = reports.map((r) => ({ gold: r.key, system: systemOf.get(r.report.event.id)!, report: r.report, label: describeReport(r.report.event.id, r.report), split: r.split }));
  return withErrors(section('fusion-gold-events', 'Event fusion on gold events (fusion alone, no extraction errors)', pairCounts(items), { gold_events: items.length, gold_clusters: new Set(items.map((i) => i.gold)).size, fused_events: fused.length }), items);
}

export async function evaluateFusion(articlesDir: string, goldDir: string, log: (l: string) => void = () => undefined): Promise<EvalSection[]> {
  const articles = await loadSampleCorpus(articlesDir, goldDir);
  if (!articles.length) return [{ id: 'fusion', title: 'Event fusion', metrics: {}, counts: {}, skipped: `no articles with gold in ${goldDir}` }];
  const extracted = articles.map((article) => ({ article, ctx: runPipeline(article.doc) }));
  const store = await openStore(':memory:');
  try {
    const seen = new Set<string>();
    for (const { article, ctx } of extracted) {
      if (seen.has(article.doc.id)) continue;
      seen.add(article.doc.id);
      await saveDocument(store, { doc: article.doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes }, { now: '2026-01-01T00:00:00.000Z', pipelineVersion: PIPELINE_VERSION });
    }
    let t = performance.now();
    for (const id of seen) await fuseDocument(store, id);
    const incrementalMs = performance.now() - t;
    t = performance.now();
    await rebuildFusion(store);
    const rebuildMs = performance.now() - t;
    t = performance.now();
    await selectIndicators(store, { a: 'CHN', b: 'KOR', by: 'month' });
    await selectRelationsIndex(store, { a: 'CHN', b: 'KOR' });
    const indexMs = performance.now() - t;
    const rows = await store.db.selectFrom('fused_report').select(['event_id', 'fused_id']).execute();
    const systemOf = new Map(rows.map((r) => [r.event_id, r.fused_id]));
    const rules = getFusionRules();
    const items: ScoredReport[] = [];
    for (const { article, ctx } of extracted) {
      const m = matchDocument(article.name, article.gold.events, ctx.events, (g, e) => g.category === e.event_type);
      for (const p of m.pairs) {
        const report = toFusionReport(p.sys, { document_id: article.doc.id, published: article.doc.published, outlet: article.doc.outlet, title: article.doc.title, ingested_at: '1970-01-01T00:00:00.000Z' }, rules);
        items.push({ gold: goldKey(article, p.gold as ClusteredGold), system: systemOf.get(p.sys.id) ?? `unfused:${p.sys.id}`, report, label: describeReport(`${article.name}#${p.gold.id}`, report), split: article.split });
      }
    }
    const systemEvents = extracted.reduce((n, x) => n + x.ctx.events.length, 0);
    log(`fusion: fused ${systemEvents} events of ${seen.size} documents in ${incrementalMs.toFixed(0)} ms (incremental), ${rebuildMs.toFixed(0)} ms (rebuild); CHN–KOR indicators and index in ${indexMs.toFixed(0)} ms`);
    return [
      withErrors(
        section('fusion-end-to-end', 'Event fusion end to end (extracted events matched to gold)', pairCounts(items), { matched_events: items.length, system_events: systemEvents, fused_events: new Set(rows.map((r) => r.fused_id)).size }, {
          fuse_incremental_ms: Math.round(incrementalMs),
          fuse_rebuild_ms: Math.round(rebuildMs),
          indicators_and_index_ms: Math.round(indexMs),
        }),
        items,
      ),
      evaluateOnGold(articles),
    ];
  } finally {
    await store.close();
  }
}

export const fusionEvaluator: Evaluator = {
  id: 'fusion',
  run: (ctx: EvalContext) => evaluateFusion(join(ctx.root, 'data', 'sample', 'articles'), join(ctx.root, 'data', 'sample', 'gold'), ctx.log),
};
