import type { DatePrecision } from '../../../types.js';
import { isoDate, lastDayOfMonth } from '../../../util/dates.js';
import { addDays, addMonths, unitAround, type DateInterval } from '../calendar.js';
import type { Candidate, DocumentView, MentionRefiner } from '../candidate.js';
import { dateLexicon } from '../lexicon.js';

/**
 * The stretch each part names, as [first, last] of: days of a month, months of a year, years
 * of a decade (0–9). `end` of a month runs to its last day.
 */
const PARTS: Record<string, { month: [number, number]; year: [number, number]; decade: [number, number] }> = {
  start: { month: [1, 10], year: [1, 1], decade: [0, 2] },
  early: { month: [1, 10], year: [1, 4], decade: [0, 3] },
  mid: { month: [11, 20], year: [5, 8], decade: [4, 6] },
  late: { month: [21, 31], year: [9, 12], decade: [7, 9] },
  end: { month: [21, 31], year: [12, 12], decade: [7, 9] },
};

/** Periods whose start or end is a whole month: "the end of 2025" is December 2025. */
const MONTH_ENDED: DatePrecision[] = ['quarter', 'half', 'year'];

const ORDER: DatePrecision[] = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];

/** "first 9 month" of a year: its first nine months, at month precision; null when it does not fit. */
function countedPart(whole: DateInterval, part: string): DateInterval | null {
  const m = /^(first|last) (\d+) (day|week|month|quarter)$/.exec(part);
  if (!m) return null;
  const unit = m[3] as DatePrecision;
  const n = Number(m[2]);
  const precision: DatePrecision = unit === 'week' ? 'day' : unit;
  if (ORDER.indexOf(unit) >= ORDER.indexOf(whole.precision)) return null;
  const step = (iso: string, k: number): string => (unit === 'day' ? addDays(iso, k) : unit === 'week' ? addDays(iso, 7 * k) : addMonths(iso, (unit === 'quarter' ? 3 : 1) * k));
  const value =
    m[1] === 'first'
      ? { start: whole.start, end: addDays(step(whole.start, n), -1), precision }
      : { start: step(addDays(whole.end, 1), -n), end: whole.end, precision };
  return value.start >= whole.start && value.end <= whole.end ? value : null;
}

/**
 * The part of a whole period a modifier names: early/mid/late thirds, the start or end, or a
 * counted part ("first 9 month"). Without a boundary reading (see narrowPart).
 *
 * @example partOfPeriod({ start: '2025-01-01', end: '2025-12-31', precision: 'year' }, 'end') // → December 2025, month
 */
export function partOfPeriod(whole: DateInterval, part: string): DateInterval {
  const counted = countedPart(whole, part);
  if (counted) return counted;
  const stretch = PARTS[part];
  if (!stretch) return whole;
  const y = Number(whole.start.slice(0, 4));
  const m = Number(whole.start.slice(5, 7));
  if ((part === 'start' || part === 'end') && MONTH_ENDED.includes(whole.precision)) {
    return unitAround(part === 'start' ? whole.start : whole.end, 'month');
  }
  switch (whole.precision) {
    case 'month': {
      const [a, b] = stretch.month;
      const last = Number(lastDayOfMonth(y, m).slice(8));
      return { start: isoDate(y, m, a), end: isoDate(y, m, Math.min(b, last)), precision: 'month' };
    }
    case 'year': {
      const [a, b] = stretch.year;
      return { start: isoDate(y, a, 1), end: lastDayOfMonth(y, b), precision: 'year' };
    }
    case 'decade': {
      const [a, b] = stretch.decade;
      return { start: isoDate(y + a, 1, 1), end: isoDate(y + b, 12, 31), precision: 'decade' };
    }
    default:
      return whole;
  }
}

/** Lower-case words of the text right before a mention, nearest first. */
function wordsBefore(doc: DocumentView, c: Candidate, n: number): string[] {
  const before = doc.text.slice(Math.max(0, c.start - 60), c.start);
  return (before.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []).slice(-n).reverse();
}

/**
 * A start or end that is a boundary rather than a stretch of time: "until the end of 2025"
 * (the waiver stops on 31 December), "since the start of the year", "due to expire at the end
 * of the year", "stood at 48 at the end of 2024", "up from 38 at the end of 2024".
 */
function isBoundary(doc: DocumentView, c: Candidate, part: string): boolean {
  const lex = dateLexicon();
  const [prev, ...rest] = wordsBefore(doc, c, 5);
  if (!prev) return false;
  if (part === 'end') return lex.untilWords.has(prev) || (prev === 'at' && (/^\d/.test(rest[0] ?? '') || rest.slice(0, 3).some((w) => lex.endCues.has(w))));
  return part === 'start' && lex.fromWords.has(prev);
}

/**
 * Narrow a period to the part its modifier names, once its value is final: early/mid/late are
 * thirds (days 1–10, 11–20, 21–end of a month; January–April, May–August, September–December of
 * a year) and keep the period's precision; "the start of" and "the end of" a month are its first
 * or last ten days, and of a year, half or quarter its first or last month, at month precision
 * ("the end of 2025", "end-2026", "by the end of next year" are that December). Used as a
 * boundary ("until the end of 2025", "since the start of the year", "due to expire at the end
 * of the year") they are the period's last or first day. "earlier this month" ends at
 * publication and "later this year" starts there. The TimeML value stays that of the whole
 * period ("mid-December 2024" is 2024-12, "the end of 2025" 2025: TimeML puts the part in its
 * `mod`). Counted parts take their unit's precision: "the first nine months of 2025" is
 * January–September 2025 (month), TimeML 2025.
 *
 * @example "mid-December 2024" → 2024-12-11…2024-12-20 (month)
 * @example "until the end of 2025" → 2025-12-31 (day, TimeML 2025)
 */
export const narrowPart: MentionRefiner = {
  id: 'dates/en/part',
  refine(candidates, doc) {
    for (const c of candidates) {
      const part = c.meta.part;
      if (!part) continue;
      const whole = unitAround(c.value.start, c.value.precision);
      if (whole.end !== c.value.end) continue;
      const before = c.value;
      if (part === 'earlier' || part === 'later') {
        const ref = doc.parseReference;
        if (ref < whole.start || ref > whole.end) continue;
        c.value = part === 'earlier' ? { ...whole, end: ref } : { ...whole, start: ref };
      } else if ((part === 'start' || part === 'end') && whole.precision !== 'week' && isBoundary(doc, c, part)) {
        const day = part === 'start' ? whole.start : whole.end;
        c.value = { start: day, end: day, precision: 'day' };
        c.why.push(`boundary: the ${part === 'start' ? 'first' : 'last'} day`);
      } else c.value = partOfPeriod(whole, part);
      if (c.value.precision !== whole.precision) c.meta = { ...c.meta, timexPrecision: whole.precision };
      if (c.value.start !== before.start || c.value.end !== before.end) c.why.push(`${part} → ${c.value.start}…${c.value.end}`);
    }
    return candidates;
  },
};
