import type { ParsingResult } from 'chrono-node';
import type { DateMention } from '../../annotations.js';
import type { Sentence } from '../../types.js';
import type { DebugFn } from '../../util/debug.js';
import { parseIsoDay } from '../../util/dates.js';
import { splitSentences } from '../sentences.js';
import { toTimex, unitAround } from './calendar.js';
import { toCandidate, type Candidate, type DocumentView } from './candidate.js';
import { dateParser, MENTION_REFINERS } from './configuration.js';
import { candidateWindows } from './prefilter.js';

export interface ResolveOptions {
  /** Publication date (YYYY-MM-DD): the reference for relative dates. Null: relative dates are dropped. */
  published: string | null;
  /** Sentences of the text (split here when absent). */
  sentences?: Sentence[];
  /** Receives each decision (BILAT_DEBUG=dates). */
  debug?: DebugFn | null;
  /** Parse only around trigger words (default). False parses every sentence whole (tests). */
  prefilter?: boolean;
}

/** Placeholder reference when the publication date is unknown; values that depend on it are dropped. */
const NO_REFERENCE = '2000-01-01';

/** chrono reads its reference in local time: noon of the day is that day in every zone. */
function localNoon(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0, 0);
}

function timexOf(c: Candidate): string {
  if (c.meta.timex) return c.meta.timex;
  if (c.meta.season) return `${c.value.start.slice(0, 4)}-${c.meta.season}`;
  if (c.meta.timexPrecision) return toTimex(unitAround(c.value.start, c.meta.timexPrecision));
  if (c.meta.weekend) return `${toTimex(unitAround(c.value.start, 'week'))}-WE`;
  return toTimex(c.value);
}

function toMention(c: Candidate): DateMention {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    value: { start: c.value.start, end: c.value.end, precision: c.value.precision },
    source: c.stated ? 'stated' : 'inferred',
    rule: [...new Set(c.rules.flatMap((r) => r.split('+')))].join('+'),
    sentenceIndex: c.sentenceIndex,
    timex: timexOf(c),
  };
}

/**
 * Find and resolve the date expressions of one document against its publication date:
 * chrono-node with Bilat's parsers and refiners (configuration.ts) on the stretches of text
 * that contain a date word, then the document-level refiners (ranges, tense, "a year
 * earlier", "the quarter").
 *
 * @example resolveDates('Wang Yi met Cho Tae-yul in Tokyo on Friday.', { published: '2025-03-23' })
 *   // → [{ text: 'Friday', value: { start: '2025-03-21', end: '2025-03-21', precision: 'day' }, source: 'inferred', … }]
 */
export function resolveDates(text: string, options: ResolveOptions): DateMention[] {
  const debug = options.debug ?? null;
  const published = options.published && parseIsoDay(options.published) ? options.published : null;
  const reference = published ?? NO_REFERENCE;
  const sentences = options.sentences ?? splitSentences(text);
  const parser = dateParser();
  const refDate = localNoon(reference);
  let candidates: Candidate[] = [];
  const windows = options.prefilter === false ? sentences.map((s) => ({ start: s.start, end: s.end, sentenceIndex: s.index })) : candidateWindows(text, sentences);
  for (const w of windows) {
    for (const r of parser.parse(text.slice(w.start, w.end), refDate) as ParsingResult[]) {
      const c = toCandidate(r, w.start, w.sentenceIndex);
      if (c) candidates.push(c);
    }
  }
  const doc: DocumentView = {
    text,
    sentences,
    reference: published,
    parseReference: reference,
    drop: (c, reason) => debug?.(`drop "${c.text}"`, { rule: c.rules.join('+'), why: [...c.why, reason] }),
  };
  for (const refiner of MENTION_REFINERS) candidates = refiner.refine(candidates, doc);
  const mentions = candidates.map(toMention);
  if (debug) {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      debug(`"${m.text}" → ${m.timex}`, { rule: m.rule, start: m.value.start, end: m.value.end, precision: m.value.precision, source: m.source, why: candidates[i]!.why });
    }
  }
  return mentions;
}
