import type { DateMention } from '../../annotations.js';
import type { Period } from '../../types.js';
import { MONTH_PATTERN, isoDate, lastDayOfMonth, monthNumber, parseIsoDay } from '../../util/dates.js';

/**
 * Periods of statistics. The date stage (`nlp/dates`) resolves date expressions for the whole
 * pipeline; when it has not run, `fallbackDates` reads the few period shapes statistics use
 * ("from November to January", "in the third quarter of 2024", "in 2024", "last year", "in
 * March") so that the stage still works alone.
 */

/** Cheap test before the period patterns: a month, quarter, half or year word, or a year. */
const PERIOD_GATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|quarter|\bhalf\b|\byear\b|\b(?:19|20)\d\d\b/i;

const RANGE = new RegExp(`\\b(?:from|between)\\s+(${MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?\\s+(?:to|and|through|until|till)\\s+(${MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?`, 'gi');
const MONTH_YEAR = new RegExp(`\\b(?:in|during|for|of)\\s+(${MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?\\b`, 'gi');

const ORD: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

function mention(text: string, offset: number, index: number, length: number, start: string, end: string, precision: Period['precision'], source: 'stated' | 'inferred', sentenceIndex: number, kind: string): DateMention {
  return { start: offset + index, end: offset + index + length, text: text.slice(index, index + length), value: { start, end, precision }, source, rule: `statistics/period/${kind}`, sentenceIndex };
}

const monthRange = (y1: number, m1: number, y2: number, m2: number) => [isoDate(y1, m1, 1), lastDayOfMonth(y2, m2)] as const;

/**
 * Period expressions of one sentence, resolved against the publication date (years missing from
 * the text are taken as the latest that is not after publication; without a publication date
 * only expressions with a year are resolved).
 *
 * @example fallbackDates('from November to January', 0, 0, '2025-03-13')[0].value
 *   // → { start: '2024-11-01', end: '2025-01-31', precision: 'month' }
 */
export function fallbackDates(text: string, offset: number, sentenceIndex: number, published: string | null): DateMention[] {
  const out: DateMention[] = [];
  const pub = published ? parseIsoDay(published) : null;
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([s, e]) => a < e && b > s);
  const push = (m: DateMention | null) => {
    if (m && free(m.start - offset, m.end - offset)) {
      out.push(m);
      taken.push([m.start - offset, m.end - offset]);
    }
  };
  const latestYear = (month: number) => (pub ? (month <= pub.m ? pub.y : pub.y - 1) : null);

  if (!PERIOD_GATE.test(text)) return out;
  for (const m of text.matchAll(RANGE)) {
    const m1 = monthNumber(m[1]!)!;
    const m2 = monthNumber(m[3]!)!;
    const y2 = m[4] ? Number(m[4]) : m[2] && m1 <= m2 ? Number(m[2]) : latestYear(m2);
    if (y2 === null) continue;
    const y1 = m[2] ? Number(m[2]) : m1 <= m2 ? y2 : y2 - 1;
    const [s, e] = monthRange(y1, m1, y2, m2);
    push(mention(text, offset, m.index!, m[0].length, s, e, 'month', m[4] ? 'stated' : 'inferred', sentenceIndex, 'month-range'));
  }
  for (const m of text.matchAll(/\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:(this|last)\s+year|(\d{4})))?/gi)) {
    const q = ORD[m[1]!.toLowerCase()]!;
    const rel = m[2]?.toLowerCase();
    const y = m[3] ? Number(m[3]) : pub ? (rel === 'last' ? pub.y - 1 : rel === 'this' ? pub.y : (q - 1) * 3 + 1 <= pub.m ? pub.y : pub.y - 1) : null;
    if (y === null) continue;
    const [s, e] = monthRange(y, (q - 1) * 3 + 1, y, q * 3);
    push(mention(text, offset, m.index!, m[0].length, s, e, 'quarter', m[3] ? 'stated' : 'inferred', sentenceIndex, 'quarter'));
  }
  for (const m of text.matchAll(/\b(first|second)\s+half\s+of\s+(\d{4})/gi)) {
    const h = m[1]!.toLowerCase() === 'first' ? 1 : 2;
    const y = Number(m[2]);
    const [s, e] = monthRange(y, h === 1 ? 1 : 7, y, h === 1 ? 6 : 12);
    push(mention(text, offset, m.index!, m[0].length, s, e, 'half', 'stated', sentenceIndex, 'half'));
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const mo = monthNumber(m[1]!)!;
    if (m[1]!.toLowerCase() === 'may' && !m[2]) continue;
    const y = m[2] ? Number(m[2]) : latestYear(mo);
    if (y === null) continue;
    const [s, e] = monthRange(y, mo, y, mo);
    push(mention(text, offset, m.index!, m[0].length, s, e, 'month', m[2] ? 'stated' : 'inferred', sentenceIndex, 'month'));
  }
  for (const m of text.matchAll(/\b(last|this|past)\s+year\b/gi)) {
    if (!pub) continue;
    const y = m[1]!.toLowerCase() === 'this' ? pub.y : pub.y - 1;
    push(mention(text, offset, m.index!, m[0].length, isoDate(y, 1, 1), isoDate(y, 12, 31), 'year', 'inferred', sentenceIndex, 'relative-year'));
  }
  for (const m of text.matchAll(/\b(?:in|during|for|of)\s+((?:19|20)\d\d)\b(?![-–]\d)/gi)) {
    const y = Number(m[1]);
    push(mention(text, offset, m.index!, m[0].length, isoDate(y, 1, 1), isoDate(y, 12, 31), 'year', 'stated', sentenceIndex, 'year'));
  }
  return out.sort((a, b) => a.start - b.start);
}

export function toPeriod(d: DateMention): Period {
  return { start: d.value.start, end: d.value.end, precision: d.value.precision, text: d.text };
}

/** The same period one year earlier ("a year earlier", "year-on-year"). */
export function yearEarlier(p: Period, text: string | null): Period {
  const shift = (iso: string) => {
    const d = parseIsoDay(iso)!;
    const y = d.y - 1;
    return d.m === 2 && d.d === 29 ? isoDate(y, 2, 28) : d.m === 2 && d.d === 28 && iso === lastDayOfMonth(d.y, 2) ? lastDayOfMonth(y, 2) : isoDate(y, d.m, d.d);
  };
  return { start: shift(p.start), end: shift(p.end), precision: p.precision, text };
}
