import { isoDate } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

/**
 * A decade: "the 1990s", "1980s", "the '90s". The two-digit form takes the latest such decade
 * that has begun by the reference date. "in their 20s" (ages) does not match.
 *
 * @example "the 1990s" → 1990-01-01…1999-12-31 (199X)
 */
export const decadeParser = defineParser(
  /(?:[Tt]he\s+)?(?:((?:1[89]|20)\d0)|['’](\d)0)s(?![\p{L}\p{N}])/u,
  (context, match) => {
    let start: number;
    if (match[1]) start = Number(match[1]);
    else {
      const refYear = Number(referenceDay(context).slice(0, 4));
      start = Math.floor(refYear / 100) * 100 + 10 * Number(match[2]);
      if (start > refYear) start -= 100;
    }
    return createResult(context, match.index!, match[0], { start: isoDate(start, 1, 1), end: isoDate(start + 9, 12, 31), precision: 'decade' }, { rule: 'dates/en/decade', precision: 'decade' }, { year: Boolean(match[1]) });
  },
);
