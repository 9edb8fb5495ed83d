import { addDays, isoWeekday, weekStart } from '../calendar.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A weekday: "on Thursday", "last Friday", "next Monday", "this past Sunday", "the previous
 * Friday" (the Friday before an earlier day of the text). Without a
 * modifier it is the most recent such day (today included) and may move a week forward when
 * the clause is about the future (see mention-refiners/resolve-tense.ts). Plurals ("on
 * Fridays") are sets, not dates, and do not match. A part of the day ("Friday night") stays in
 * the span; the value is the day.
 *
 * @example "met on Thursday" (ref Sat 2025-03-22) → 2025-03-20
 */
export const weekdayParser = defineParser(
  new RegExp(`(?:((?:[Tt]his\\s+)?(?:[Ll]ast|[Pp]ast|[Nn]ext|[Cc]oming)|[Tt]his|[Tt]he\\s+(?:previous|preceding|following))\\s+)?(${DAYS.join('|')})(?:\\s+(morning|afternoon|evening|night))?(?![\\p{L}\\p{N}])`, 'u'),
  (context, match) => {
    const ref = referenceDay(context);
    const target = DAYS.indexOf(match[2]!) + 1;
    const modifier = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/^this (past|coming)$/, '$1');
    const back = (isoWeekday(ref) - target + 7) % 7;
    let day: string;
    let flex: 'week' | undefined;
    if (modifier.startsWith('the ')) {
      // "the previous Friday": the Friday before a day of the text (mention-refiners/resolve-anchor.ts).
      const after = modifier === 'the following';
      day = after ? addDays(ref, (target - isoWeekday(ref) + 7) % 7 || 7) : addDays(ref, -(back || 7));
      return createResult(context, match.index!, match[0], { start: day, end: day, precision: 'day' }, { rule: 'dates/en/weekday', precision: 'day', relative: true, weekday: target, shift: { weeks: after ? 1 : -1 }, shiftKeeps: 'unit', anchorScope: 2 });
    }
    if (modifier === 'last' || modifier === 'past') day = addDays(ref, -(back || 7));
    else if (modifier === 'next' || modifier === 'coming') day = addDays(ref, (target - isoWeekday(ref) + 7) % 7 || 7);
    else if (modifier === 'this') day = addDays(weekStart(ref), target - 1);
    else {
      day = addDays(ref, -back);
      flex = 'week';
    }
    return createResult(context, match.index!, match[0], { start: day, end: day, precision: 'day' }, { rule: 'dates/en/weekday', precision: 'day', relative: true, flex });
  },
);
