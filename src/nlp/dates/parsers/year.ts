import { isoDate } from '../../../util/dates.js';
import { dateLexicon } from '../lexicon.js';
import { createResult } from '../meta.js';
import { defineParser, nextWord, previousWord, YEAR } from './define.js';

/**
 * A bare year: "in 2016", "since 1998", "2016 was", "the 2016 election", "its 1990 invasion".
 * A four-digit number is a count, not a year, after a quantity word ("about 2000 troops",
 * "Flight 2025"; but "than about 2017.", with nothing counted after it, is a year) or before a lower-case noun ("sold 2000 units")
 * unless a temporal preposition or a determiner comes first ("in 2016 prices rose", "the 1992
 * protests").
 * Parts of numbers, money and ranges ("2,016", "$2016", "2016-17") are left to other rules.
 *
 * @example "in 2016" → 2016-01-01…2016-12-31, stated
 */
export const yearParser = defineParser(
  new RegExp(`(${YEAR})(?![\\p{L}\\p{N}]|[.,]\\d|[-–/]\\d|\\s*(?:%|per\\s*cent|percent))`, 'u'),
  (context, match) => {
    const index = match.index!;
    const before = context.text.slice(Math.max(0, index - 2), index);
    if (/\d[-–/.,]$/.test(before)) return null;
    const lex = dateLexicon();
    const prev = previousWord(context, index);
    const next = nextWord(context, index + match[0].length);
    const nounAfter = /^\p{Ll}/u.test(next) && !lex.yearFollowers.has(next);
    // "about 2000 troops" is a count; "than about 2017." (nothing counted after it) a year.
    const aboutYear = /^(?:about|around)$/i.test(prev) && !nounAfter && !/^\p{N}/u.test(next);
    if ((lex.quantities.has(prev) || lex.quantities.has(prev.toLowerCase())) && !aboutYear) return null;
    const temporal = lex.prepositions.has(prev.toLowerCase()) || /^(mid|early|late|end|post|pre)-?$/i.test(prev);
    const determined = lex.determiners.has(prev.toLowerCase()) || /['’]s$/.test(prev);
    if (!temporal && !determined && nounAfter) return null;
    const year = Number(match[1]);
    return createResult(context, index, match[0], { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: 'year' }, { rule: 'dates/en/year', precision: 'year' }, { year: true });
  },
);
