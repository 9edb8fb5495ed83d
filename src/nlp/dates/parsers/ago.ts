import type { DatePrecision } from '../../../types.js';
import { countPattern, countValue } from '../lexicon.js';
import { createResult, referenceDay } from '../meta.js';
import { unitAround } from '../calendar.js';
import { defineParser, stepDay, UNIT_PRECISION, unitFrom } from './define.js';

const HEDGE = '(?:(?:nearly|almost|about|some|roughly|around|more\\s+than|less\\s+than|over|just|only)\\s+)?';
const VAGUE = 'a\\s+few|several|many|some';

/**
 * A point counted back (or forward) from the publication date: "two years ago", "a month
 * from now", at the unit's precision, except that weeks land on a day ("a week ago" is the
 * day seven days before) and decades on a year ("a decade ago" is ten years before). Vague counts ("several years ago") are PAST_REF or
 * FUTURE_REF. "a year ago" compares with an earlier date within two sentences when there is
 * one ("sales rose in the third quarter from a year ago" → the third quarter a year before).
 *
 * @example "two years ago" (ref 2025-03-23) → 2023 (year)
 * @example "a week ago" (ref 2019-07-08) → 2019-07-01 (day)
 */
export const agoParser = defineParser(
  () => new RegExp(`${HEDGE}(${VAGUE}|${countPattern()})\\s+(day|week|month|quarter|year|decade)s?\\s+(ago|from\\s+now|hence)(?![\\p{L}\\p{N}])`, 'iu'),
  (context, match) => {
    const ref = referenceDay(context);
    const sign = match[3]!.toLowerCase() === 'ago' ? -1 : 1;
    const unit = match[2]!.toLowerCase();
    const precision: DatePrecision = UNIT_PRECISION[unit]!;
    const count = countValue(match[1]!);
    if (count === null) {
      const timex = sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
      const value = sign < 0 ? { start: unitFrom(ref, 'year', -1).start, end: ref, precision: 'year' as const } : { start: ref, end: unitFrom(ref, 'year', 1).end, precision: 'year' as const };
      return createResult(context, match.index!, match[0], value, { rule: 'dates/en/ago', precision: 'year', relative: true, timex });
    }
    // A count of weeks lands on a day; a count of decades on a year ("a decade ago" is 2016 in 2026).
    const lands: DatePrecision = precision === 'week' ? 'day' : precision === 'decade' ? 'year' : precision;
    const value = unitAround(stepDay(ref, precision, sign * count), lands);
    const comparison = count === 1 && precision === 'year' && sign < 0;
    return createResult(context, match.index!, match[0], value, {
      rule: 'dates/en/ago',
      precision: lands,
      relative: true,
      ...(comparison ? { shift: { years: -1 }, shiftKeeps: 'anchor' as const, anchorScope: 2 } : {}),
    });
  },
);
