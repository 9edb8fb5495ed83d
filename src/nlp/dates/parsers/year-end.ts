import { isoDate } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, previousWord, YEAR } from './define.js';

/**
 * The end of a year written as one noun: "year-end", "year end", "year's end", "year-end 2024":
 * the year with the part `end`, so it becomes that December (precision month, TimeML value the
 * year) as "the end of the year" does (mention-refiners/narrow-part.ts). Without a year the
 * tense of the clause places it (mention-refiners/resolve-tense.ts).
 * A fiscal year's end ("fiscal year-end") is not a calendar date; "the year ended March 31" does
 * not match.
 *
 * @example "year-end holidays" (ref 2024-11-02) → 2024-12 (TimeML 2024)
 */
export const yearEndParser = defineParser(
  new RegExp(`(?:[Tt]he\\s+)?[Yy]ear(?:[-\\s]|['’]s\\s+)end(?:\\s+(${YEAR}))?(?![\\p{L}\\p{N}-])`, 'u'),
  (context, match) => {
    if (/^fiscal$/i.test(previousWord(context, match.index!))) return null;
    const year = match[1] ? Number(match[1]) : Number(referenceDay(context).slice(0, 4));
    const value = { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: 'year' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/year-end', precision: 'year', part: 'end', flex: match[1] ? undefined : 'year' }, { year: Boolean(match[1]) });
  },
);
