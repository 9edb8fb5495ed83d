import { addDays, isoWeekday } from '../calendar.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

/**
 * A weekend: "over the weekend", "last weekend", "this weekend", "next weekend". "the
 * weekend" is the latest one begun by publication, "this weekend" the one of the current
 * (Monday-to-Sunday) week, "last"/"next" the one of the week before/after. Precision `week`,
 * TimeML value 2025-W12-WE.
 *
 * @example "over the weekend" (ref Mon 2025-03-24) → 2025-03-22…2025-03-23
 */
export const weekendParser = defineParser(
  /((?:[Tt]his\s+)?[Ll]ast|[Tt]his(?:\s+past|\s+coming)?|[Nn]ext|[Tt]he)\s+weekend(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const ref = referenceDay(context);
    const modifier = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const saturdayThisWeek = addDays(ref, 6 - isoWeekday(ref));
    let saturday: string;
    if (modifier === 'next') saturday = addDays(saturdayThisWeek, 7);
    else if (modifier === 'this' || modifier === 'this coming') saturday = saturdayThisWeek;
    else if (modifier === 'the') saturday = isoWeekday(ref) >= 6 ? saturdayThisWeek : addDays(saturdayThisWeek, -7);
    else saturday = addDays(saturdayThisWeek, -7);
    return createResult(context, match.index!, match[0], { start: saturday, end: addDays(saturday, 1), precision: 'week' }, { rule: 'dates/en/weekend', precision: 'week', relative: true, weekend: true });
  },
);
