import { isoDate, lastDayOfMonth } from '../../../util/dates.js';
import { unitAround, type DateInterval } from '../calendar.js';
import type { MentionRefiner } from '../candidate.js';

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

function narrow(whole: DateInterval, part: string): DateInterval {
  const stretch = PARTS[part];
  if (!stretch) return whole;
  const y = Number(whole.start.slice(0, 4));
  const m = Number(whole.start.slice(5, 7));
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

/**
 * Narrow a period to the part its modifier names, once its value is final: early/mid/late are
 * thirds (days 1–10, 11–20, 21–end of a month; January–April, May–August, September–December of
 * a year), "the start of"/"the end of" the first or last ten days of a month and the first
 * or last month of a year ("end-2026" is December 2026); "earlier this month" ends at
 * publication and "later this year" starts there. Precision and TimeML value stay those of the
 * whole period ("mid-December 2024" is 2024-12).
 *
 * @example "mid-December 2024" → 2024-12-11…2024-12-20 (month)
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
      } else c.value = narrow(whole, part);
      if (c.value.start !== before.start || c.value.end !== before.end) c.why.push(`${part} → ${c.value.start}…${c.value.end}`);
    }
    return candidates;
  },
};
