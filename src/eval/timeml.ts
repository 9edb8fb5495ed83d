import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateMention } from '../annotations.js';
import { resolveDates } from '../nlp/dates/resolve-dates.js';
import { splitSentences } from '../nlp/sentences.js';
import type { EvalSection, Evaluator } from './section.js';

/** A TIMEX3 of the gold text, with offsets into the plain text. */
export interface GoldTimex {
  type: string;
  value: string;
  start: number;
  end: number;
  text: string;
}

export interface TimeMLDocument {
  id: string;
  /** Document creation time (YYYY-MM-DD): the publication date. */
  dct: string | null;
  /** The <TEXT> content with tags removed and entities decoded. */
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/**
 * Read one TimeML file: the DCT, the plain text of <TEXT> and its TIMEX3 spans. Single line
 * breaks inside paragraphs become spaces (same length, so offsets hold), as a news reader
 * would store the text.
 */
export function parseTimeML(xml: string, id = ''): TimeMLDocument {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value')?.slice(0, 10) ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: Array<{ type: string; value: string; start: number } | null> = [];
  for (const m of body.matchAll(/<(\/?)([A-Z0-9]+)([^>]*)>|[^<]+/g)) {
    if (!m[2]) {
      text += decode(m[0]);
      continue;
    }
    if (m[3]!.endsWith('/')) continue;
    if (!m[1]) open.push(m[2] === 'TIMEX3' ? { type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '', start: text.length } : null);
    else {
      const t = open.pop();
      if (t) timexes.push({ ...t, end: text.length, text: text.slice(t.start, text.length) });
    }
  }
  text = text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  return { id, dct, text, timexes };
}

/** Shape of a TimeML value for error classes: 1998-01-08 → YYYY-MM-DD. */
function shape(value: string): string {
  return value.replace(/\d{4}/, 'YYYY').replace(/-\d\d-\d\d$/, '-MM-DD').replace(/-\d\d$/, '-MM').replace(/\d/g, 'n');
}

/** The system value a gold span is compared with: for a range, the end the gold span covers. */
export function systemValue(m: DateMention, gold: { start: number; end: number }): string {
  const timex = m.timex ?? '';
  const slash = timex.indexOf('/');
  if (slash === -1) return timex;
  const middle = (m.start + m.end) / 2;
  if (gold.start >= m.start && gold.end <= m.end && gold.end - gold.start < m.end - m.start) return gold.start < middle ? timex.slice(0, slash) : timex.slice(slash + 1);
  return timex;
}

export interface TimeMLScore {
  gold: number;
  found: number;
  correct: number;
  system: number;
  systemMatched: number;
  errors: Map<string, string[]>;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Score dates against TimeML gold DATE expressions: value accuracy (exact TimeML value of the
 * overlapping mention / gold DATEs), detection recall (gold DATEs overlapped by a mention) and
 * precision (mentions overlapping a gold DATE / mentions; mentions on a gold TIME, such as
 * "Monday night", are left out of precision, those on a DURATION or SET count as wrong).
 */
export function scoreTimeML(docs: TimeMLDocument[], resolve: (doc: TimeMLDocument) => DateMention[]): TimeMLScore {
  const score: TimeMLScore = { gold: 0, found: 0, correct: 0, system: 0, systemMatched: 0, errors: new Map() };
  const note = (cls: string, example: string): void => {
    const list = score.errors.get(cls) ?? [];
    list.push(example);
    score.errors.set(cls, list);
  };
  for (const doc of docs) {
    const mentions = resolve(doc);
    const dates = doc.timexes.filter((t) => t.type === 'DATE');
    for (const g of dates) {
      score.gold++;
      let best: DateMention | null = null;
      for (const m of mentions) if (overlap(m, g) > 0 && (!best || overlap(m, g) > overlap(best, g))) best = m;
      if (!best) {
        note(`missed ${shape(g.value)}`, `"${g.text}" = ${g.value} (${doc.id})`);
        continue;
      }
      score.found++;
      const got = systemValue(best, g);
      if (got === g.value) score.correct++;
      else note(`wrong ${best.rule.split('+')[0]} (${shape(g.value)} vs ${shape(got)})`, `"${g.text}" = ${g.value}, got "${best.text}" = ${got} (${doc.id}, DCT ${doc.dct})`);
    }
    for (const m of mentions) {
      if (doc.timexes.some((t) => t.type === 'TIME' && overlap(m, t) > 0) && !dates.some((t) => overlap(m, t) > 0)) continue;
      score.system++;
      if (dates.some((t) => overlap(m, t) > 0)) score.systemMatched++;
      else {
        const other = doc.timexes.find((t) => overlap(m, t) > 0);
        note(other ? `spurious on gold ${other.type}` : 'spurious', `"${m.text}" = ${m.timex} (${m.rule}, ${doc.id})`);
      }
    }
  }
  return score;
}

/** Read every .tml file under a folder (recursively). */
export function loadTimeML(dir: string): TimeMLDocument[] {
  const out: TimeMLDocument[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.tml')) out.push(parseTimeML(readFileSync(p, 'utf8'), entry.name.replace(/\.tml$/, '')));
    }
  };
  walk(dir);
  return out;
}

function ratio(a: number, b: number): number | null {
  return b ? a / b : null;
}

/** Evaluator: DATE value accuracy on TempEval-3 (TimeBank + AQUAINT) with the DCT as publication date. */
export const timemlEvaluator: Evaluator = {
  id: 'timeml',
  async run(ctx) {
    const title = 'Dates: TimeML DATE values (TempEval-3 TimeBank + AQUAINT, DCT as publication date)';
    const dir = ctx.shared ? join(ctx.shared, 'data', 'timeml-dev') : null;
    if (!dir || !existsSync(dir)) return [{ id: 'timeml', title, metrics: {}, counts: {}, skipped: '../shared/data/timeml-dev not found' }];
    const docs = loadTimeML(dir);
    const score = scoreTimeML(docs, (d) => resolveDates(d.text, { published: d.dct, sentences: splitSentences(d.text) }));
    const precision = ratio(score.systemMatched, score.system);
    const recall = ratio(score.found, score.gold);
    const section: EvalSection = {
      id: 'timeml',
      title,
      metrics: {
        value_accuracy: ratio(score.correct, score.gold),
        value_accuracy_of_detected: ratio(score.correct, score.found),
        detection_precision: precision,
        detection_recall: recall,
        detection_f1: precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null,
      },
      counts: { documents: docs.length, gold_dates: score.gold, detected: score.found, correct_values: score.correct, system_mentions: score.system },
      targets: { value_accuracy: 0.8 },
      errors: [...score.errors.entries()]
        .map(([cls, examples]) => ({ class: cls, count: examples.length, examples: examples.slice(0, 5) }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 15),
    };
    return [section];
  },
};
