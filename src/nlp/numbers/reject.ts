import type { Token } from './tokens.js';
import type { RejectReason } from './mention.js';
import type { Rational } from './rational.js';

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const TIME_AFTER = new Set(['am', 'pm', 'a', 'p', 'gmt', 'kst', 'utc', 'cst', 'bst', 'hrs', "o'clock", 'o’clock']);
const ADDRESS_AFTER = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'floor', 'ro', 'gil', 'daero', 'dong']);
const BEFORE_ID = new Set(['no', 'number', 'page', 'pages', 'p', 'pp', 'chapter', 'article', 'section', 'paragraph', 'clause', 'resolution', 'room', 'suite', 'gate', 'exit', 'line', 'platform', 'flight', 'route', 'bus', 'highway', 'item', 'figure', 'table', 'annex', 'box', 'tel', 'phone', 'fax', 'ext', 'unit', 'building', 'block', 'lot', 'version', 'season', 'episode', 'vol', 'volume', 'issue', 'case']);
const PAGE_WORDS = new Set(['page', 'pages', 'p', 'pp']);
const AGE_BEFORE = new Set(['aged', 'age', 'ages']);
const SPORT = /\b(?:won|beat|beaten|defeated|lost|draw|drew|victory|win|defeat|score|scored|match|game|final|semifinal|quarterfinal|goals?)\b/i;
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}[\s.-]\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{3,4})?\b/g;

export interface RejectInput {
  tokens: Token[];
  /** First and one-past-last token of the number (with its unit). */
  first: number;
  last: number;
  /** Token right after the digits of the core (before any unit). */
  coreEnd: number;
  q: Rational;
  integerText: boolean;
  hasUnit: boolean;
  hasCurrency: boolean;
  sentence: string;
  /** Character spans of phone-number-like strings in the sentence. */
  phones: Array<[number, number]>;
  table: boolean;
}

/** Spans of phone-number-like digit groups in a sentence ("+82-2-123-4567", "010 1234 5678"). */
export function phoneSpans(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE.exec(sentence))) {
    // Thousands groups ("1,234,567") and ranges of counts are not phone numbers.
    if (/^\d{1,3}(,\d{3})+$/.test(m[0])) continue;
    if ((m[0].match(/\d/g) ?? []).length >= 8) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * True when a sentence looks like a table row with its context missing: cells separated by
 * tabs or pipes, or mostly numbers with hardly any words.
 */
export function looksLikeTable(sentence: string, tokens: Token[]): boolean {
  if (/\t|\||·/.test(sentence) && (sentence.match(/\d+/g) ?? []).length >= 2) return true;
  const nums = tokens.filter((t) => t.kind === 'num').length;
  if (nums < 3 || /[.!?]["”’]?$/.test(sentence.trim())) return false;
  // Cells and row labels: hardly any lower-case words between the numbers ("Wheat prev 39.9, Feb 48.7, total 80.8").
  const lower = tokens.filter((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text)).length;
  return lower < nums;
}

/**
 * Why the number at tokens[first, last) is not a statistic, or null when it may be one. Each
 * reason is a pattern seen in news text (the negative_cases tests list examples).
 */
export function rejectReason(x: RejectInput): RejectReason | null {
  const { tokens, first, last } = x;
  const t = tokens[first]!;
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  const next = tokens[x.coreEnd];
  const after = tokens[last];
  if (x.phones.some(([s, e]) => t.start >= s && t.end <= e)) return 'phone';
  if (x.table) return 'table';
  if (prev?.text === '[' && after?.text === ']') return 'reference';
  if (t.kind === 'num' && next && ORDINAL_SUFFIX.has(next.lower) && next.start === t.end) return 'ordinal';
  if (t.kind === 'num' && next?.lower === 's' && next.start === t.end) return 'decade';
  if (t.kind === 'num' && (next?.text === ':' || next?.text === '.') && tokens[x.coreEnd + 1]?.kind === 'num' && next.start === t.end && /^\d{1,2}$/.test(t.text) && /^\d{2}$/.test(tokens[x.coreEnd + 1]!.text)) return 'time';
  if (t.kind === 'num' && prev?.text === ':' && prev.start === prev2?.end && prev2?.kind === 'num' && /^\d{2}$/.test(t.text)) return 'time';
  if (t.kind === 'num' && next && TIME_AFTER.has(next.lower.replace(/\.$/, '')) && !x.hasUnit) {
    // "9 a.m.", not "682,318 a year earlier"
    const ap = next.lower === 'a' || next.lower === 'p';
    if (!ap || (tokens[x.coreEnd + 1]?.text === '.' && tokens[x.coreEnd + 2]?.lower === 'm')) return 'time';
  }
  if (t.kind === 'num' && (next?.text === '/' || prev?.text === '/') && !x.hasUnit) return 'date';
  // A month name next to a small number: "8 November", "Nov. 30", "November 8".
  const monthBefore = (prev && MONTHS.has(prev.lower)) || (prev?.text === '.' && prev2 && MONTHS.has(prev2.lower));
  if (!x.hasUnit && !x.hasCurrency && x.integerText && (monthBefore || (next && MONTHS.has(next.lower)))) return 'date';
  // The second day of "Sept. 13 to 17", "Nov 8-10".
  if (!x.hasUnit && x.integerText && prev && ['to', '-', '–', 'and', 'through', 'until'].includes(prev.lower) && prev2?.kind === 'num' && /^\d{1,2}$/.test(prev2.text) && /^\d{1,2}$/.test(t.text)) {
    const p3 = tokens[first - 3];
    const p4 = tokens[first - 4];
    if ((p3 && MONTHS.has(p3.lower)) || (p3?.text === '.' && p4 && MONTHS.has(p4.lower))) return 'date';
  }
  // "Group of 20"
  if (prev?.lower === 'of' && prev2?.text === 'Group') return 'identifier';
  // "5 min read" and other bylines
  if (next?.lower === 'min' && tokens[x.coreEnd + 1]?.lower === 'read') return 'identifier';
  // ISO-like dates "2024-11-08".
  if (t.kind === 'num' && /^\d{4}$/.test(t.text) && next?.text === '-' && tokens[x.coreEnd + 1]?.kind === 'num' && /^\d{2}$/.test(tokens[x.coreEnd + 1]!.text)) return 'date';
  if (!x.hasUnit && !x.hasCurrency && x.integerText && t.kind === 'num' && /^(1[89]\d\d|20\d\d|2100)$/.test(t.text)) {
    if (next?.lower === 's' && next.start === t.end) return 'decade';
    return 'year';
  }
  if (prev && AGE_BEFORE.has(prev.lower)) return 'age';
  if (after && (after.lower === 'old' || (after.text === '-' && tokens[last + 1]?.lower === 'old'))) return 'age';
  if (next?.text === '-' && tokens[x.coreEnd + 1]?.lower === 'year' && tokens[x.coreEnd + 2]?.text === '-' && tokens[x.coreEnd + 3]?.lower === 'old') return 'age';
  // "Kim Ha-eun, 31, said": an age between commas after a name.
  if (prev?.text === ',' && next?.text === ',' && x.integerText && !x.hasUnit && /^\d{1,2}$/.test(t.text) && prev2?.kind === 'word') {
    // walk back over a hyphenated name ("Ha-eun")
    let k = first - 2;
    while (tokens[k - 1]?.text === '-' && tokens[k - 2]?.kind === 'word') k -= 2;
    if (/^\p{Lu}/u.test(tokens[k]!.text)) return 'age';
  }
  // "Kim (45)" after a name.
  if (prev?.text === '(' && next?.text === ')' && x.integerText && prev2 && /^\p{Lu}/u.test(prev2.text) && !x.hasUnit) return 'age';
  if (prev && PAGE_WORDS.has(prev.lower.replace(/\.$/, ''))) return 'page';
  if (!x.hasUnit && x.integerText && isAddress(tokens, x.coreEnd)) return 'address';
  if (prev && BEFORE_ID.has(prev.lower) && /^\p{Lu}/u.test(prev.text) && !x.hasUnit && !x.hasCurrency) return 'identifier';
  if (prev && (prev.lower === 'no' || prev.lower === 'nos') && tokens[first - 1]?.text !== '.' && x.integerText && !x.hasUnit) return 'identifier';
  // "G20", "COVID-19", "F-35", "Mickey 17": a capitalised word glued or next to the number.
  if (t.kind === 'num' && prev && !x.hasUnit && !x.hasCurrency) {
    if (prev.kind === 'word' && prev.end === t.start) return 'identifier';
    if (prev.text === '-' && prev.end === t.start && prev2?.kind === 'word' && prev2.end === prev.start) return 'identifier';
    if (x.integerText && prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && !/^\p{Lu}+$/u.test(prev.text) && !isSentenceStartish(tokens, first - 1)) return 'identifier';
  }
  // A vote tally "voted 190-0": the second number is the votes against, kept apart.
  if (t.kind === 'num' && (prev?.text === '-' || prev?.text === '–') && tokens[first - 2]?.kind === 'num' && /^vot/i.test(tokens[first - 3]?.lower ?? '')) return 'score';
  // Scores "3-1", "2–0" in sport talk.
  if (t.kind === 'num' && x.integerText && (next?.text === '-' || next?.text === '–') && tokens[x.coreEnd + 1]?.kind === 'num' && SPORT.test(x.sentence)) {
    const other = tokens[x.coreEnd + 1]!;
    if (!x.hasUnit && /^\d{1,3}$/.test(t.text) && /^\d{1,3}$/.test(other.text)) return 'score';
  }
  if (t.kind === 'num' && x.integerText && (prev?.text === '-' || prev?.text === '–') && tokens[first - 2]?.kind === 'num' && SPORT.test(x.sentence) && !x.hasUnit && /^\d{1,3}$/.test(t.text) && /^\d{1,3}$/.test(tokens[first - 2]!.text)) return 'score';
  return null;
}

/** The token begins a sentence or follows an opening bracket or quote. */
function isSentenceStartish(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const p = tokens[i - 1]!;
  return p.kind === 'punct' && /[“"‘'(\[:–—-]/.test(p.text);
}

/** "120 Sejong Street", "5 Jong-ro": capitalised words then a street word. */
function isAddress(tokens: Token[], j: number): boolean {
  for (let k = j; k < j + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (ADDRESS_AFTER.has(t.lower) && k > j) return true;
    if (t.text === '-' ) continue;
    if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text)) return ADDRESS_AFTER.has(t.lower) && k > j;
  }
  return false;
}
