import type { DatePrecision } from '../../../types.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, previousWord, UNIT_PRECISION, unitFrom } from './define.js';
import { shiftOf } from './counted-shift.js';

const PART_OF_DAY = /^(?:morning|afternoon|evening|night)$/i;
/** "over the next day or two", "within the next day": a duration, not the following day. */
const DURATION_BEFORE = /^(?:over|within|in|during|for|throughout)$/i;

/**
 * The unit next to a date given earlier in the text: "the previous year", "the following
 * day", "the week before", "the next day", "the following evening" (a part of a day is the
 * day). With no earlier date nearby it counts from the publication date. "the next" goes with
 * a day only ("over the next year" is a duration), and not after "over", "within" or "in".
 *
 * @example "He arrived on 5 March 2024 and left the following day." → 2024-03-06
 */
export const adjacentPeriodParser = defineParser(
  /[Tt]he\s+(?:(previous|following|preceding|prior|next)\s+(day|week|month|quarter|year|morning|afternoon|evening|night)|(day|week|month|quarter|year)\s+(before|after))(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const end = match.index! + match[0].length;
    if (match[4] && !/^\s*(?:[,.;:)"”]|$)/.test(context.text.slice(end, end + 3))) return null;
    const word = (match[1] ?? match[4])!.toLowerCase();
    const unit = (match[2] ?? match[3])!.toLowerCase();
    const precision: DatePrecision = PART_OF_DAY.test(unit) ? 'day' : UNIT_PRECISION[unit]!;
    if (word === 'next' && (precision !== 'day' || DURATION_BEFORE.test(previousWord(context, match.index!)) || /^\s+or\b/i.test(context.text.slice(end, end + 6)))) return null;
    const n = word === 'following' || word === 'after' || word === 'next' ? 1 : -1;
    const value = unitFrom(referenceDay(context), precision, n);
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/adjacent-period', precision, relative: true, shift: shiftOf(precision, n), shiftKeeps: 'unit', anchorScope: 2 });
  },
);
