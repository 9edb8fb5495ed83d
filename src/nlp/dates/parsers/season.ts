import { isoDate, lastDayOfMonth } from '../../../util/dates.js';
import type { DateInterval } from '../calendar.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, previousWord, YEAR } from './define.js';

const SEASONS: Record<string, { code: string; month: number }> = {
  spring: { code: 'SP', month: 3 },
  summer: { code: 'SU', month: 6 },
  fall: { code: 'FA', month: 9 },
  autumn: { code: 'FA', month: 9 },
  winter: { code: 'WI', month: 12 },
};

/** The three months of a season starting in a year (winter runs into the next year). */
function seasonOf(year: number, month: number): DateInterval {
  const endYear = month === 12 ? year + 1 : year;
  const endMonth = month === 12 ? 2 : month + 2;
  return { start: isoDate(year, month, 1), end: lastDayOfMonth(endYear, endMonth), precision: 'month' };
}

/** Words before a bare season that make it a date ("until spring"); "the summer" also after "into" and "of". */
const BARE_AFTER = ['in', 'during', 'over', 'through', 'until', 'till', 'by', 'since', 'for', 'before', 'after', 'from'];
const THE_AFTER = [...BARE_AFTER, 'into', 'of'];
/** A noun after "the winter" that makes it the season whatever comes first ("expect the winter holiday season"). */
const TIME_NOUN = /^\s+(?:holidays?|season|vacation|break|months)\b/;

/**
 * A season: "last fall", "this summer", "next spring", "the summer of 2024", "winter 2025",
 * "in the summer". The value is the season's three months at month precision (summer 2024 is
 * 2024-06/2024-08) and the TimeML value the season code (2024-SU). Northern-hemisphere
 * meteorological seasons; winter 2024 is December 2024 to February 2025. "fall" alone is a verb and "the fall of X" an event, so the season needs a
 * modifier, "the" after a preposition, or a year.
 *
 * @example "last fall" (ref 1999-04-10) → 1998-09-01…1998-11-30 (1998-FA)
 */
export const seasonParser = defineParser(
  new RegExp(`(?:((?:[Tt]his\\s+)?[Ll]ast|[Tt]his(?:\\s+past|\\s+coming)?|[Nn]ext|[Tt]he|[Ee]arly|[Ll]ate)\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(${YEAR}))?(?![\\p{L}\\p{N}-])`, 'u'),
  (context, match) => {
    const season = SEASONS[match[2]!]!;
    const ref = referenceDay(context);
    const refYear = Number(ref.slice(0, 4));
    const modifier = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const end = match.index! + match[0].length;
    const meta = { rule: 'dates/en/season', precision: 'month' as const, season: season.code };
    if (match[3]) return createResult(context, match.index!, match[0], seasonOf(Number(match[3]), season.month), meta, { year: true, month: true });
    if (/^\s+of\s/.test(context.text.slice(end, end + 5))) return null;
    const options = [-2, -1, 0, 1].map((k) => seasonOf(refYear + k, season.month));
    let value: DateInterval | undefined;
    if (modifier === 'last' || modifier === 'this last' || modifier === 'this past') value = [...options].reverse().find((o) => o.end < ref);
    else if (modifier === 'next' || modifier === 'this coming') value = options.find((o) => o.start > ref);
    else if (modifier === 'this') value = options.find((o) => o.start <= ref && ref <= o.end) ?? options.find((o) => o.start.startsWith(String(refYear)));
    else {
      const prev = previousWord(context, match.index!).toLowerCase();
      const timeNoun = TIME_NOUN.test(context.text.slice(end, end + 12));
      if (!modifier && !BARE_AFTER.includes(prev)) return null;
      if (modifier === 'the' && !timeNoun && !THE_AFTER.includes(prev)) return null;
      return createResult(context, match.index!, match[0], options[2]!, { ...meta, flex: 'year' }, { month: true });
    }
    if (!value) return null;
    return createResult(context, match.index!, match[0], value, { ...meta, relative: true }, { month: true });
  },
);
