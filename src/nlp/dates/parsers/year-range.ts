import { isoDate } from '../../../util/dates.js';
import { createResult } from '../meta.js';
import { defineParser, YEAR } from './define.js';

/**
 * A span of years written as one token: "2016-17", "2016–2017", "1987/88", "1910-45". The
 * second year must come after the first, at most fifty years on.
 *
 * @example "the 2016-17 ban" → 2016-01-01…2017-12-31 (2016/2017)
 */
export const yearRangeParser = defineParser(
  new RegExp(`(${YEAR})\\s?[-–/]\\s?(${YEAR}|\\d\\d)(?![\\p{L}\\p{N}]|[-–/.]\\d)`, 'u'),
  (context, match) => {
    const first = Number(match[1]);
    const tail = match[2]!;
    const second = tail.length === 4 ? Number(tail) : Math.floor(first / 100) * 100 + Number(tail) + (Number(tail) < first % 100 ? 100 : 0);
    if (second <= first || second - first > 50) return null;
    return createResult(context, match.index!, match[0], { start: isoDate(first, 1, 1), end: isoDate(second, 12, 31), precision: 'year' }, { rule: 'dates/en/year-range', precision: 'year' }, { year: true });
  },
);
