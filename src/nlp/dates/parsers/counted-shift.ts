import type { DatePrecision } from '../../../types.js';
import type { Shift } from '../calendar.js';
import { countPattern, countValue } from '../lexicon.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, UNIT_PRECISION, unitFrom } from './define.js';

/** Shift of n units of a precision. */
export function shiftOf(precision: DatePrecision, n: number): Shift {
  switch (precision) {
    case 'day':
      return { days: n };
    case 'week':
      return { weeks: n };
    case 'month':
      return { months: n };
    case 'quarter':
      return { months: 3 * n };
    case 'half':
      return { months: 6 * n };
    case 'year':
      return { years: n };
    case 'decade':
      return { years: 10 * n };
  }
}

/**
 * A counted step from a date given earlier in the text: "a year earlier", "three days
 * later", "two months before." ("before"/"after" only at the end of a clause, so "two years
 * after the war" is left alone). It keeps the earlier date's precision: "in the third quarter
 * … a year earlier" is the third quarter of the year before. With no earlier date nearby it
 * counts from the publication date.
 *
 * @example "Sales rose in 2016 from two years earlier." → 2014
 */
export const countedShiftParser = defineParser(
  () => new RegExp(`(${countPattern()})\\s+(day|week|month|quarter|year)s?\\s+(earlier|later|before|after|prior)(?![\\p{L}\\p{N}])`, 'iu'),
  (context, match) => {
    const direction = match[3]!.toLowerCase();
    const endOfMatch = match.index! + match[0].length;
    if ((direction === 'before' || direction === 'after' || direction === 'prior') && !/^\s*(?:[,.;:)"”]|$)/.test(context.text.slice(endOfMatch, endOfMatch + 3))) return null;
    const count = countValue(match[1]!);
    if (count === null) return null;
    const precision = UNIT_PRECISION[match[2]!.toLowerCase()]!;
    const n = direction === 'later' || direction === 'after' ? count : -count;
    const value = unitFrom(referenceDay(context), precision, n);
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/counted-shift', precision, relative: true, shift: shiftOf(precision, n), shiftKeeps: 'anchor', anchorScope: 2 });
  },
);
