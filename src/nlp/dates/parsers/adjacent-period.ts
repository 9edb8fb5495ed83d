import type { DatePrecision } from '../../../types.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, UNIT_PRECISION, unitFrom } from './define.js';
import { shiftOf } from './counted-shift.js';

/**
 * The unit next to a date given earlier in the text: "the previous year", "the following
 * day", "the week before." With no earlier date nearby it counts from the publication date.
 * "the next year" is left alone (usually a duration: "over the next year").
 *
 * @example "He arrived on 5 March 2024 and left the following day." → 2024-03-06
 */
export const adjacentPeriodParser = defineParser(
  /[Tt]he\s+(?:(previous|following|preceding|prior)\s+(day|week|month|quarter|year)|(day|week|month|quarter|year)\s+(before|after))(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const end = match.index! + match[0].length;
    if (match[4] && !/^\s*(?:[,.;:)"”]|$)/.test(context.text.slice(end, end + 3))) return null;
    const word = (match[1] ?? match[4])!.toLowerCase();
    const precision: DatePrecision = UNIT_PRECISION[(match[2] ?? match[3])!.toLowerCase()]!;
    const n = word === 'following' || word === 'after' ? 1 : -1;
    const value = unitFrom(referenceDay(context), precision, n);
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/adjacent-period', precision, relative: true, shift: shiftOf(precision, n), shiftKeeps: 'unit', anchorScope: 2 });
  },
);
