import type { ParsingResult } from 'chrono-node';
import type { Sentence } from '../../types.js';
import type { DateInterval } from './calendar.js';
import { parseIsoDay } from '../../util/dates.js';
import { dayFromComponents, intervalOf, readMeta, type DateMeta } from './meta.js';

/** A date found in the text, on its way to becoming a DateMention. */
export interface Candidate {
  /** Character offsets into the document text. */
  start: number;
  end: number;
  text: string;
  sentenceIndex: number;
  value: DateInterval;
  meta: DateMeta;
  /** The text fixes the date fully. */
  stated: boolean;
  /** The value still depends on the publication date. */
  needsReference: boolean;
  /** Rule ids that produced and changed it. */
  rules: string[];
  /** Reasons for each decision, for BILAT_DEBUG=dates. */
  why: string[];
}

/** What mention refiners see of the document. */
export interface DocumentView {
  text: string;
  sentences: Sentence[];
  /** Publication date, or null when unknown. */
  reference: string | null;
  /** The day the parsers used as reference (the publication date, or a placeholder). */
  parseReference: string;
  /** Report a candidate that is dropped, with the reason. */
  drop(candidate: Candidate, reason: string): void;
}

/**
 * A step after parsing that sees every date of the document in order: joining ranges,
 * following tense, resolving "a year earlier" against the date it refers to.
 */
export interface MentionRefiner {
  id: string;
  refine(candidates: Candidate[], doc: DocumentView): Candidate[];
}

/** Leading prepositions and trailing punctuation chrono includes in some matches ("on 5 May", "November,"). */
const LEADING = /^(?:(?:on|in|at|of)\s+)/i;
const TRAILING = /[\s,;:.-]+$/;

/** Drop trailing punctuation, but keep the period of an abbreviated month ("Sept."). */
function trimEnd(text: string): string {
  const trimmed = text.replace(TRAILING, '');
  return /\b[A-Z][a-z]{2,3}$/.test(trimmed) && text.startsWith(`${trimmed}.`) ? `${trimmed}.` : trimmed;
}

/** Turn a chrono result from a window of the text into a candidate; null when it is not a real day. */
export function toCandidate(result: ParsingResult, offset: number, sentenceIndex: number): Candidate | null {
  if (!parseIsoDay(dayFromComponents(result.start)) || (result.end && !parseIsoDay(dayFromComponents(result.end)))) return null;
  const meta = readMeta(result);
  const value = intervalOf(result, meta);
  const inferred = Boolean(meta.relative || meta.flex || meta.shift || meta.anaphor);
  const lead = LEADING.exec(result.text)?.[0].length ?? 0;
  const text = trimEnd(result.text.slice(lead));
  const start = offset + result.index + lead;
  return {
    start,
    end: start + text.length,
    text,
    sentenceIndex,
    value,
    meta,
    stated: result.start.isCertain('year') && !inferred,
    needsReference: inferred || !result.start.isCertain('year'),
    rules: [meta.rule],
    why: [],
  };
}
