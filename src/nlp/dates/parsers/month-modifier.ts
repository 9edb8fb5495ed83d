import { isoDate, isValidDay, lastDayOfMonth, monthNumber, MONTH_PATTERN } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

const DAY = '3[01]|[12]\\d|0?[1-9]';
const ORDINAL = '(?:st|nd|rd|th)?';

/**
 * A month named relative to publication: "last November" (the latest November before the
 * current month), "this September", "next March" (the first after the current month),
 * "June last year", "February of this year", "April next year"; with a day, "Dec. 1 last
 * year", "June 30 next year", "8 November last year".
 *
 * @example "last November" (ref 2000-01-13) → 1999-11
 * @example "Dec. 1 last year" (ref 2024-11-01) → 2023-12-01
 */
export const monthModifierParser = defineParser(
  new RegExp(
    `(?:((?:[Tt]his\\s+)?[Ll]ast|[Tt]his(?:\\s+past|\\s+coming)?|[Nn]ext)\\s+(${MONTH_PATTERN})\\.?|(?:(${MONTH_PATTERN})\\.?(?:\\s+(${DAY})${ORDINAL})?|(${DAY})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?),?\\s+(?:of\\s+)?(this|last|next)\\s+year)(?![\\p{L}\\p{N}'’-])`,
    'u',
  ),
  (context, match) => {
    const ref = referenceDay(context);
    const [refYear, refMonth] = [Number(ref.slice(0, 4)), Number(ref.slice(5, 7))];
    const month = monthNumber(match[2] ?? match[3] ?? match[6]!);
    if (!month) return null;
    const day = match[4] ?? match[5];
    let year: number;
    if (match[7]) year = refYear + (match[7] === 'last' ? -1 : match[7] === 'next' ? 1 : 0);
    else {
      const modifier = match[1]!.toLowerCase().replace(/\s+/g, ' ');
      if (modifier.endsWith('last') || modifier === 'this past') year = month < refMonth ? refYear : refYear - 1;
      else if (modifier === 'next' || modifier === 'this coming') year = month > refMonth ? refYear : refYear + 1;
      else year = refYear;
    }
    if (day) {
      if (!isValidDay(year, month, Number(day))) return null;
      const iso = isoDate(year, month, Number(day));
      return createResult(context, match.index!, match[0], { start: iso, end: iso, precision: 'day' }, { rule: 'dates/en/month-modifier', precision: 'day', relative: true }, { month: true, day: true });
    }
    const value = { start: `${year}-${String(month).padStart(2, '0')}-01`, end: lastDayOfMonth(year, month), precision: 'month' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/month-modifier', precision: 'month', relative: true }, { month: true });
  },
);
