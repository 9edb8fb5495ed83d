import { alternation, dateLexicon } from '../lexicon.js';
import { holidayDate } from '../holidays.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, YEAR } from './define.js';

/**
 * A holiday of data/lexicon/date-holidays.txt: "Christmas", "by Christmas 2024", "the Lunar New
 * Year", "Thanksgiving Day", "next Christmas", "last Thanksgiving". The value is its day. Without
 * a year it is placed like a day without one (mention-refiners/resolve-tense.ts moves it to the
 * holiday's day in the year chosen, as lunar holidays move); "last", "this", "next" name last
 * year's, this year's, next year's.
 *
 * @example "by the Lunar New Year" (ref 2017-10-31) → 2018-02-16
 */
export const holidayParser = defineParser(
  () => new RegExp(`(?:([Ll]ast|[Tt]his|[Nn]ext)\\s+)?(?:the\\s+)?(${alternation(dateLexicon().holidays.keys())})(?:,?\\s+(${YEAR}))?(?![\\p{L}\\p{N}'’-])`, 'u'),
  (context, match) => {
    const rule = dateLexicon().holidays.get(match[2]!.replace(/\s+/g, ' '));
    if (!rule) return null;
    const refYear = Number(referenceDay(context).slice(0, 4));
    const modifier = match[1]?.toLowerCase();
    const year = match[3] ? Number(match[3]) : refYear + (modifier === 'last' ? -1 : modifier === 'next' ? 1 : 0);
    const day = holidayDate(rule, year);
    if (!day) return null;
    const flex = !match[3] && !modifier ? ('year' as const) : undefined;
    return createResult(context, match.index!, match[0], { start: day, end: day, precision: 'day' }, { rule: 'dates/en/holiday', precision: 'day', holiday: rule, flex, relative: Boolean(modifier) }, { year: Boolean(match[3]), month: true, day: true });
  },
);
