import { lastDayOfMonth } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, fullYear, ofSomethingElse, YEAR } from './define.js';
import { firstDayOf, resolveYearSpec, YEAR_PREFIX, YEAR_SPEC } from './year-spec.js';

/**
 * A half year: "the first half", "the second half of 2024", "the latter half of the year",
 * "H1 2025" (the code form needs a year: "H1" alone is also a visa class). "the first half of
 * the match" is not a date.
 *
 * @example "in the first half of 2024" → 2024-01-01…2024-06-30 (2024-H1)
 */
export const halfParser = defineParser(
  new RegExp(
    `(?:${YEAR_PREFIX}(first|second|1st|2nd|latter|last|final|back)\\s+half(?:${YEAR_SPEC}|\\s+(${YEAR}))?|H([12])(?:\\s+|-|\\s*['’]?)(${YEAR}|\\d\\d(?!\\d)))(?![\\p{L}\\p{N}-])`,
    'u',
  ),
  (context, match) => {
    const ref = referenceDay(context);
    let half: number;
    let spec;
    if (match[7]) {
      half = Number(match[7]);
      const digits = match[8]!;
      const year = digits.length === 4 ? Number(digits) : fullYear(Number(digits), Number(ref.slice(0, 4)));
      spec = { year, stated: true, relative: false, flex: false };
    } else {
      if (ofSomethingElse(context, match)) return null;
      const word = match[3]!.toLowerCase();
      half = word === 'first' || word === '1st' ? 1 : 2;
      spec = resolveYearSpec(match[1] ?? match[4] ?? match[6], match[2] ?? match[5], ref);
      if ((word === 'last' || word === 'final') && spec.flex) return null;
    }
    const value = { start: firstDayOf(spec.year, half === 1 ? 1 : 7), end: lastDayOfMonth(spec.year, half === 1 ? 6 : 12), precision: 'half' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/half', precision: 'half', relative: spec.relative, flex: spec.flex ? 'year' : undefined }, { year: spec.stated, month: true });
  },
);
