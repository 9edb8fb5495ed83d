import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateMention } from '../annotations.js';
import { finalizeDocument } from '../ingest/document.js';
import { loadFile } from '../ingest/load.js';
import { unitAround, weekStart } from '../nlp/dates/calendar.js';
import { resolveDates } from '../nlp/dates/resolve-dates.js';
import { splitSentences } from '../nlp/sentences.js';
import type { Document } from '../types.js';
import { addDays, isoDate, lastDayOfMonth, parseIsoDay } from '../util/dates.js';
import type { EvalSection, Evaluator } from './section.js';

/** A date expression of the gold (docs/gold-format.md). */
export interface GoldDate {
  text: string;
  anchor?: string;
  value: string;
  precision?: string;
}

interface GoldFile {
  file?: string;
  published?: string | null;
  dates?: GoldDate[];
  items?: Array<{ guid?: string; published?: string | null; dates?: GoldDate[] }>;
}

/** The days a gold value stands for: `2024`, `2024-Q3`, `2024-H1`, `2024-11`, `2025-W12`, `2024-11-08`, or `A/B`. */
export function goldInterval(value: string): { start: string; end: string } | null {
  const slash = value.indexOf('/');
  if (slash !== -1) {
    const a = goldInterval(value.slice(0, slash));
    const b = goldInterval(value.slice(slash + 1));
    return a && b ? { start: a.start, end: b.end } : null;
  }
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(value))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const first = 3 * Number(m[2]) - 2;
    return { start: isoDate(Number(m[1]), first, 1), end: lastDayOfMonth(Number(m[1]), first + 2) };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const first = m[2] === '1' ? 1 : 7;
    return { start: isoDate(Number(m[1]), first, 1), end: lastDayOfMonth(Number(m[1]), first + 5) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return { start: `${value}-01`, end: lastDayOfMonth(Number(m[1]), Number(m[2])) };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const start = addDays(weekStart(isoDate(Number(m[1]), 1, 4)), 7 * (Number(m[2]) - 1));
    return { start, end: addDays(start, 6) };
  }
  if (parseIsoDay(value)) return { start: value, end: value };
  return null;
}

/** True when a mention has the gold value: the same TimeML value, or the same whole days. */
export function sameValue(m: DateMention, gold: string): boolean {
  if (m.timex === gold) return true;
  const g = goldInterval(gold);
  if (!g) return false;
  const whole = { start: unitAround(m.value.start, m.value.precision).start, end: unitAround(m.value.end, m.value.precision).end };
  return whole.start === g.start && whole.end === g.end;
}

/** Where a gold date is in the text: inside its anchor when it has one, else its first unused occurrence. */
export function locate(text: string, gold: GoldDate, used: Set<number>): { start: number; end: number } | null {
  if (gold.anchor) {
    const a = text.indexOf(gold.anchor);
    if (a === -1) return null;
    const inside = gold.anchor.indexOf(gold.text);
    if (inside !== -1) return { start: a + inside, end: a + inside + gold.text.length };
    const after = text.indexOf(gold.text, a);
    return after === -1 ? null : { start: after, end: after + gold.text.length };
  }
  for (let at = text.indexOf(gold.text); at !== -1; at = text.indexOf(gold.text, at + 1)) {
    if (!used.has(at)) {
      used.add(at);
      return { start: at, end: at + gold.text.length };
    }
  }
  return null;
}

export interface SampleDateScore {
  gold: number;
  located: number;
  found: number;
  correct: number;
  system: number;
  systemMatched: number;
  /** Vague references left out of precision: the gold cannot hold them (they have no value). */
  vague: number;
  errors: Map<string, string[]>;
}

/**
 * Vague references ("now", "recently", "soon": PRESENT_REF, PAST_REF, FUTURE_REF) have no value
 * in the gold format (docs/gold-format.md: `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD` or an
 * interval), so the gold never holds them: one that overlaps no gold date is out of scope, not a
 * false positive.
 */
export function outOfGoldScope(m: DateMention): boolean {
  return /^(?:PRESENT|PAST|FUTURE)_REF$/.test(m.timex ?? '');
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Score the mentions of one document against its gold dates, adding to a running score. */
export function scoreDates(text: string, mentions: DateMention[], golds: GoldDate[], score: SampleDateScore, name: string): void {
  const note = (cls: string, example: string): void => {
    const list = score.errors.get(cls) ?? [];
    list.push(example);
    score.errors.set(cls, list);
  };
  const used = new Set<number>();
  const spans: Array<{ start: number; end: number }> = [];
  for (const g of golds) {
    score.gold++;
    const span = locate(text, g, used);
    if (!span) {
      note('gold text not found in article', `"${g.text}" (${name})`);
      continue;
    }
    score.located++;
    spans.push(span);
    let best: DateMention | null = null;
    for (const m of mentions) if (overlap(m, span) > 0 && (!best || overlap(m, span) > overlap(best, span))) best = m;
    if (!best) {
      note('missed', `"${g.text}" = ${g.value} (${name})`);
      continue;
    }
    score.found++;
    if (sameValue(best, g.value)) score.correct++;
    else note(`wrong ${best.rule.split('+')[0]}`, `"${g.text}" = ${g.value}, got "${best.text}" = ${best.timex} (${name})`);
  }
  for (const m of mentions) {
    const matched = spans.some((s) => overlap(m, s) > 0);
    if (!matched && outOfGoldScope(m)) {
      score.vague++;
      continue;
    }
    score.system++;
    if (matched) score.systemMatched++;
    else note('not in gold', `"${m.text}" = ${m.timex} (${m.rule}, ${name})`);
  }
}

function ratio(a: number, b: number): number | null {
  return b ? a / b : null;
}

async function loadArticle(path: string): Promise<Document[]> {
  const loaded = await loadFile(path);
  return loaded.documents.map((raw) => finalizeDocument(raw));
}

/** Evaluator: the `dates` arrays of data/sample/gold against the date resolver. */
export const sampleDatesEvaluator: Evaluator = {
  id: 'sample-dates',
  async run(ctx) {
    const title = 'Dates: sample corpus (data/sample/gold dates, gold publication date as reference)';
    const goldDir = join(ctx.root, 'data', 'sample', 'gold');
    const articleDir = join(ctx.root, 'data', 'sample', 'articles');
    const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort() : [];
    if (files.length === 0) return [{ id: 'sample-dates', title, metrics: {}, counts: {}, skipped: 'no gold files in data/sample/gold' }];
    const score: SampleDateScore = { gold: 0, located: 0, found: 0, correct: 0, system: 0, systemMatched: 0, vague: 0, errors: new Map() };
    let documents = 0;
    let publishedMismatch = 0;
    for (const file of files) {
      const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldFile;
      const article = join(articleDir, gold.file ?? file.replace(/\.json$/, ''));
      if (!existsSync(article)) {
        ctx.log(`eval: sample-dates: no article for ${file}`);
        continue;
      }
      const docs = await loadArticle(article);
      const parts = gold.items
        ? gold.items.map((item, i) => ({ item, doc: docs.find((d) => item.guid && d.url === item.guid) ?? docs[i] }))
        : [{ item: gold, doc: docs[0] }];
      for (const { item, doc } of parts) {
        if (!doc || !item.dates?.length) continue;
        documents++;
        const published = item.published ?? gold.published ?? null;
        if ((doc.published ?? null) !== published) publishedMismatch++;
        const mentions = resolveDates(doc.text, { published, sentences: splitSentences(doc.text) });
        scoreDates(doc.text, mentions, item.dates, score, file);
      }
    }
    const precision = ratio(score.systemMatched, score.system);
    const recall = ratio(score.found, score.gold);
    const section: EvalSection = {
      id: 'sample-dates',
      title,
      metrics: {
        date_accuracy: ratio(score.correct, score.gold),
        detection_precision: precision,
        detection_recall: recall,
      },
      counts: {
        documents,
        gold_dates: score.gold,
        located_in_text: score.located,
        detected: score.found,
        correct_values: score.correct,
        system_mentions: score.system,
        vague_mentions_not_scored: score.vague,
        ingest_published_differs_from_gold: publishedMismatch,
      },
      targets: { date_accuracy: 0.9 },
      errors: [...score.errors.entries()]
        .map(([cls, examples]) => ({ class: cls, count: examples.length, examples: examples.slice(0, 5) }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 12),
    };
    return [section];
  },
};
