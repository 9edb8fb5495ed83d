import { lastDayOfMonth } from '../../../util/dates.js';
import { unitAround, type DateInterval } from '../calendar.js';
import type { MentionRefiner } from '../candidate.js';

const THIRDS = { early: 0, mid: 1, late: 2 } as const;

function third(value: DateInterval, part: keyof typeof THIRDS): DateInterval {
  const k = THIRDS[part];
  const y = Number(value.start.slice(0, 4));
  const m = Number(value.start.slice(5, 7));
  const pad = (n: number): string => String(n).padStart(2, '0');
  switch (value.precision) {
    case 'month': {
      const last = lastDayOfMonth(y, m);
      return { start: `${value.start.slice(0, 8)}${pad([1, 11, 21][k]!)}`, end: k === 2 ? last : `${value.start.slice(0, 8)}${pad([10, 20][k]!)}`, precision: 'month' };
    }
    case 'year':
      return { start: `${y}-${pad([1, 5, 9][k]!)}-01`, end: lastDayOfMonth(y, [4, 8, 12][k]!), precision: 'year' };
    case 'decade':
      return { start: `${y + [0, 4, 7][k]!}-01-01`, end: `${y + [3, 6, 9][k]!}-12-31`, precision: 'decade' };
    default:
      return value;
  }
}

/**
 * Narrow a period to the part its modifier names, once its value is final: early = first
 * third, mid = middle third, late/end = last third (days 1–10/11–20/21–end of a month,
 * January–April/May–August/September–December of a year); "earlier this month" ends at
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
      } else if (part in THIRDS) c.value = third(whole, part as keyof typeof THIRDS);
      if (c.value.start !== before.start || c.value.end !== before.end) c.why.push(`${part} → ${c.value.start}…${c.value.end}`);
    }
    return candidates;
  },
};
