import { join } from 'node:path';
import { getOntology } from '../knowledge/ontology.js';
import { runPipeline, type Stage } from '../pipeline.js';
import type { EventRecord } from '../types.js';
import { loadSampleCorpus, type GoldEvent, type SampleArticle } from './sample-corpus.js';
import type { EvalContext, EvalSection, Evaluator } from './section.js';

/**
 * Event extraction against the sample corpus gold (docs/gold-format.md).
 *
 * Matching: a system event can match a gold event when its evidence sentence contains the gold
 * anchor. Required gold events are matched first, then optional ones; within each, greedily by
 * category (strict) or quad class (lenient), preferring the system event whose countries overlap
 * the gold's most. Optional gold events (`required: false`) neither reward nor penalise: a system
 * event matched to one is left out of the counts, and missing one is no error.
 */

export interface MatchedPair {
  gold: GoldEvent;
  sys: EventRecord;
}

export interface DocScore {
  name: string;
  tp: number;
  fp: EventRecord[];
  fn: GoldEvent[];
  pairs: MatchedPair[];
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').trim();
}

function codes(refs: Array<{ country: string | null }>): Set<string> {
  return new Set(refs.map((r) => r.country).filter((c): c is string => !!c));
}

function overlap(g: GoldEvent, e: EventRecord): number {
  const gold = new Set([...g.actor, ...g.recipient]);
  let n = 0;
  for (const c of codes([...e.actor, ...e.recipient])) if (gold.has(c)) n++;
  return n;
}

/** Match one document's events under a category test (strict or lenient). */
export function matchDocument(name: string, gold: GoldEvent[], sys: EventRecord[], same: (g: GoldEvent, e: EventRecord) => boolean): DocScore {
  const free = new Set(sys);
  const pairs: MatchedPair[] = [];
  // Candidate pairs, best first: required gold before optional, then trigger agreement, then
  // shared countries; each gold and each system event is used once.
  const cands: Array<{ g: GoldEvent; e: EventRecord; score: number }> = [];
  for (const g of gold) {
    const anchor = norm(g.anchor);
    for (const e of sys) {
      if (!norm(e.evidence.sentence).includes(anchor) || !same(g, e)) continue;
      const trig = norm(g.trigger).toLowerCase();
      const st = norm(e.trigger).toLowerCase();
      const trigger = st && (trig.includes(st) || st.includes(trig)) ? 1 : 0;
      cands.push({ g, e, score: (g.required === false ? 0 : 1000) + trigger * 100 + overlap(g, e) * 10 });
    }
  }
  cands.sort((a, b) => b.score - a.score);
  const usedGold = new Set<GoldEvent>();
  for (const c of cands) {
    if (usedGold.has(c.g) || !free.has(c.e)) continue;
    usedGold.add(c.g);
    free.delete(c.e);
    pairs.push({ gold: c.g, sys: c.e });
  }
  const tp = pairs.filter((p) => p.gold.required !== false).length;
  const fn = gold.filter((g) => g.required !== false && !pairs.some((p) => p.gold === g));
  return { name, tp, fp: [...free], fn, pairs };
}

/** The system date at the gold's precision: `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`. */
export function dateAt(start: string, precision: string): string {
  if (precision === 'year') return start.slice(0, 4);
  if (precision === 'month') return start.slice(0, 7);
  if (precision === 'quarter') return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
  return start.slice(0, 10);
}

function setEq(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function ratio(n: number, d: number): number | null {
  return d ? n / d : null;
}

function f1(p: number | null, r: number | null): number | null {
  return p === null || r === null || p + r === 0 ? (p === 0 || r === 0 ? 0 : null) : (2 * p * r) / (p + r);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function prf(t: Tally) {
  const p = ratio(t.tp, t.tp + t.fp);
  const r = ratio(t.tp, t.tp + t.fn);
  return { p, r, f: f1(p, r) };
}

function describe(e: EventRecord): string {
  return `${e.event_type} ${[...codes(e.actor)].join('+') || '?'}→${[...codes(e.recipient)].join('+') || '-'} "${e.trigger}"`;
}

function describeGold(g: GoldEvent): string {
  return `${g.category} ${g.actor.join('+')}→${g.recipient.join('+') || '-'} "${g.trigger}"`;
}

/** Score a set of articles whose events were extracted. */
export function scoreArticles(id: string, title: string, items: Array<{ article: SampleArticle; events: EventRecord[] }>): EvalSection {
  const o = getOntology();
  const strict: Tally = { tp: 0, fp: 0, fn: 0 };
  const lenient: Tally = { tp: 0, fp: 0, fn: 0 };
  let actorOk = 0;
  let recipientOk = 0;
  let dateOk = 0;
  let flagOk = 0;
  let flagN = 0;
  let matched = 0;
  const errors = new Map<string, string[]>();
  const note = (cls: string, example: string) => errors.set(cls, [...(errors.get(cls) ?? []), example]);
  let goldRequired = 0;
  let system = 0;
  for (const { article, events } of items) {
    const gold = article.gold.events;
    goldRequired += gold.filter((g) => g.required !== false).length;
    system += events.length;
    const s = matchDocument(article.name, gold, events, (g, e) => g.category === e.event_type);
    const optionalMatched = s.pairs.filter((p) => p.gold.required === false).length;
    strict.tp += s.tp;
    strict.fp += s.fp.length;
    strict.fn += s.fn.length;
    void optionalMatched;
    const l = matchDocument(article.name, gold, events, (g, e) => o.byId.get(g.category)?.quad === e.quad);
    lenient.tp += l.tp;
    lenient.fp += l.fp.length;
    lenient.fn += l.fn.length;
    for (const e of s.fp) {
      const here = (g: GoldEvent) => norm(e.evidence.sentence).includes(norm(g.anchor));
      const anchored = s.fn.find(here) ?? gold.find(here);
      note(anchored ? `wrong category (${e.event_type} for gold ${anchored.category})` : `spurious ${e.event_type}`, `${article.name}: ${describe(e)}`);
    }
    for (const g of s.fn) note(`missed ${g.category}`, `${article.name}: ${describeGold(g)}`);
    for (const { gold: g, sys: e } of s.pairs) {
      if (g.required === false) continue;
      matched++;
      const sa = codes(e.actor);
      const sr = codes(e.recipient);
      if (g.mutual) {
        const ok = setEq(new Set([...sa, ...sr]), new Set([...g.actor, ...g.recipient]));
        if (ok) {
          actorOk++;
          recipientOk++;
        } else note('wrong parties (mutual)', `${article.name}: ${describe(e)} vs gold ${describeGold(g)}`);
      } else {
        if (setEq(sa, new Set(g.actor))) actorOk++;
        else note('wrong actor', `${article.name}: ${describe(e)} vs gold ${describeGold(g)}`);
        if (setEq(sr, new Set(g.recipient))) recipientOk++;
        else note('wrong recipient', `${article.name}: ${describe(e)} vs gold ${describeGold(g)}`);
      }
      if (g.date && e.date && dateAt(e.date.start, g.date.precision) === g.date.value) dateOk++;
      else if (!g.date && !e.date) dateOk++;
      else note('wrong date', `${article.name}: ${describe(e)} dated ${e.date ? `${e.date.start}/${e.date.precision}${e.date.text ? ` "${e.date.text}"` : ' (publication)'}` : 'none'} vs gold ${g.date?.value ?? 'none'}`);
      for (const f of ['negated', 'future', 'hypothetical', 'historical'] as const) {
        flagN++;
        if (Boolean(g[f]) === e[f]) flagOk++;
        else note(`wrong flag ${f}`, `${article.name}: ${describe(e)} ${f}=${e[f]} vs gold ${Boolean(g[f])}`);
      }
    }
  }
  const st = prf(strict);
  const le = prf(lenient);
  return {
    id,
    title,
    metrics: {
      precision_strict: st.p,
      recall_strict: st.r,
      f1_strict: st.f,
      precision_lenient: le.p,
      recall_lenient: le.r,
      f1_lenient: le.f,
      actor_country_accuracy: ratio(actorOk, matched),
      recipient_country_accuracy: ratio(recipientOk, matched),
      date_accuracy: ratio(dateOk, matched),
      flag_accuracy: ratio(flagOk, flagN),
    },
    counts: { articles: items.length, gold_required: goldRequired, system, matched_strict: strict.tp, false_positives: strict.fp, false_negatives: strict.fn },
    targets: { f1_strict: 0.8, date_accuracy: 0.9 },
    errors: [...errors.entries()].map(([cls, ex]) => ({ class: cls, count: ex.length, examples: ex.slice(0, 5) })).sort((a, b) => b.count - a.count).slice(0, 12),
    allErrors: [...errors.entries()].map(([cls, ex]) => ({ class: cls, count: ex.length, examples: ex })).sort((a, b) => b.count - a.count),
  };
}

export interface SampleEventsOptions {
  articlesDir: string;
  goldDir: string;
  /** Pipeline stages (default: the standard pipeline). */
  stages?: Stage[];
}

/** Run the pipeline on the sample corpus and score dev, held-out and all articles. */
export async function evaluateSampleEvents(opts: SampleEventsOptions): Promise<EvalSection[]> {
  const articles = await loadSampleCorpus(opts.articlesDir, opts.goldDir);
  if (!articles.length) return [{ id: 'sample-events', title: 'Sample corpus: events', metrics: {}, counts: {}, skipped: `no articles with gold in ${opts.goldDir}` }];
  const items = articles.map((article) => ({ article, events: runPipeline(article.doc, opts.stages ? { stages: opts.stages } : {}).events }));
  return [
    scoreArticles('sample-events-dev', 'Sample corpus events — dev (even-position files)', items.filter((x) => x.article.split === 'dev')),
    scoreArticles('sample-events-held-out', 'Sample corpus events — held-out (odd-position files)', items.filter((x) => x.article.split === 'held-out')),
    scoreArticles('sample-events-all', 'Sample corpus events — all', items),
  ];
}

export const sampleEventsEvaluator: Evaluator = {
  id: 'sample-events',
  run: (ctx: EvalContext) => evaluateSampleEvents({ articlesDir: join(ctx.root, 'data', 'sample', 'articles'), goldDir: join(ctx.root, 'data', 'sample', 'gold') }),
};
