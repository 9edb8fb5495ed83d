import { addDays, isoWeekday } from '../calendar.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

/**
 * A weekend: "over the weekend", "last weekend", "this weekend", "next weekend", "the previous
 * weekend". Its value is the Saturday and the Sunday (precision day); its TimeML value the
 * week's, 2025-W12-WE. "the weekend" is the latest one begun by publication, "this weekend" the
 * one of the current (Monday-to-Sunday) week, "last"/"next" the one of the week before/after.
 * "the previous/following weekend" is a week from the weekend (or the week's weekend) of an
 * earlier date in the text (mention-refiners/resolve-anchor.ts), else from the latest one.
 *
 * @example "over the weekend" (ref Mon 2025-03-24) → 2025-03-22…2025-03-23
 */
export const weekendParser = defineParser(
  /((?:[Tt]his\s+)?[Ll]ast|[Tt]his(?:\s+past|\s+coming)?|[Nn]ext|[Tt]he(?:\s+(previous|preceding|following))?)\s+weekend(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const ref = referenceDay(context);
    const modifier = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const saturdayThisWeek = addDays(ref, 6 - isoWeekday(ref));
    const latest = isoWeekday(ref) >= 6 ? saturdayThisWeek : addDays(saturdayThisWeek, -7);
    let saturday: string;
    if (modifier === 'next') saturday = addDays(saturdayThisWeek, 7);
    else if (modifier === 'this' || modifier === 'this coming') saturday = saturdayThisWeek;
    else if (modifier === 'the') saturday = latest;
    else if (match[2]) {
      const weeks = match[2].toLowerCase() === 'following' ? 1 : -1;
      const value = { start: addDays(latest, 7 * weeks), end: addDays(latest, 7 * weeks + 1), precision: 'day' as const };
      return createResult(context, match.index!, match[0], value, { rule: 'dates/en/weekend', precision: 'day', relative: true, weekend: true, shift: { weeks }, shiftKeeps: 'anchor', anchorScope: 2 });
    } else saturday = addDays(saturdayThisWeek, -7);
    return createResult(context, match.index!, match[0], { start: saturday, end: addDays(saturday, 1), precision: 'day' }, { rule: 'dates/en/weekend', precision: 'day', relative: true, weekend: true });
  },
);
