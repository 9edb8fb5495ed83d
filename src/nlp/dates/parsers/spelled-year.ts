import { isoDate } from '../../../util/dates.js';
import { createResult } from '../meta.js';
import { defineParser } from './define.js';

const TENS: Record<string, number> = { ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = { eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };

/**
 * A year written out, as in broadcast transcripts: "nineteen ninety-six", "nineteen eighty",
 * "nineteen oh five", "two thousand".
 *
 * @example "in nineteen ninety-one" → 1991
 */
export const spelledYearParser = defineParser(
  new RegExp(
    `(?:[Nn]ineteen\\s+(?:(${Object.keys(TENS).join('|')})(?:[-\\s](${Object.keys(UNITS).join('|')}))?|(${Object.keys(TEENS).join('|')})|oh[-\\s](${Object.keys(UNITS).join('|')}))|[Tt]wo\\s+thousand(?:\\s+and\\s+(${Object.keys(UNITS).join('|')}))?)(?![\\p{L}-])`,
    'u',
  ),
  (context, match) => {
    const year = match[0].toLowerCase().startsWith('two') ? 2000 + (match[5] ? UNITS[match[5]]! : 0) : 1900 + (match[1] ? TENS[match[1]]! + (match[2] ? UNITS[match[2]]! : 0) : match[3] ? TEENS[match[3]]! : UNITS[match[4]!]!);
    return createResult(context, match.index!, match[0], { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: 'year' }, { rule: 'dates/en/spelled-year', precision: 'year' }, { year: true });
  },
);
