import { lastDayOfMonth } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, ofSomethingElse, YEAR } from './define.js';
import { firstDayOf, resolveYearSpec, YEAR_PREFIX, YEAR_SPEC } from './year-spec.js';

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

/**
 * A quarter by its ordinal: "the third quarter", "third-quarter", "the fourth quarter of
 * 2024", "the first quarter of next year", "the 1988 second quarter", "this year's first
 * quarter". "last quarter" alone is the previous quarter
 * (relative-period.ts); here "last" needs "of <year>". Without a year the tense decides.
 *
 * @example "in the third quarter of 2024" → 2024-07-01…2024-09-30 (2024-Q3)
 */
export const quarterParser = defineParser(
  new RegExp(`${YEAR_PREFIX}([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|1st|2nd|3rd|4th)(?:\\s+|-)(?:fiscal\\s+|calendar\\s+)?[Qq]uarter(?:${YEAR_SPEC}|\\s+(${YEAR}))?(?![\\p{L}\\p{N}-])`, 'u'),
  (context, match) => {
    const ordinal = match[3]!.toLowerCase();
    const spec = resolveYearSpec(match[1] ?? match[4] ?? match[6], match[2] ?? match[5], referenceDay(context));
    if (ordinal === 'last' && spec.flex) return null;
    if (spec.flex && ofSomethingElse(context, match)) return null;
    const q = ORDINALS[ordinal]!;
    const value = { start: firstDayOf(spec.year, 3 * q - 2), end: lastDayOfMonth(spec.year, 3 * q), precision: 'quarter' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/quarter', precision: 'quarter', relative: spec.relative, flex: spec.flex ? 'year' : undefined }, { year: spec.stated, month: true });
  },
);
