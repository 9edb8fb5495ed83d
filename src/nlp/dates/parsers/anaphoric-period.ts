import type { DatePrecision } from '../../../types.js';
import { isoDate, MONTH_PATTERN } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, UNIT_PRECISION, unitFrom } from './define.js';

/** A period given by its end: "the year ended March 31", "the period to November". */
const PERIOD_END = new RegExp(`^\\s+(?:ended|ending|(?:to|through)\\s+${MONTH_PATTERN}\\b)`);

/**
 * A period that names again a date given earlier: "the quarter", "the same year", "that
 * day", "the same day", "earlier in the day", "the period", "the 1988 quarter" (that quarter,
 * in 1988). A period given by its end
 * ("the year ended March 31", "the period to November") is not a calendar period and does
 * not match. It takes the value of the last earlier
 * date of that precision (any of month…year for "the period"); with none, "the quarter" is
 * the last quarter before publication and "the year"/"the month"/"the week" the current one,
 * while "the period" is dropped. "the latest quarter" (or period) is always the last quarter
 * before publication, and "earlier in the year" the current year.
 *
 * @example "Profit rose in the third quarter of 2024. … in the quarter …" → 2024-Q3
 */
export const anaphoricPeriodParser = defineParser(
  /(?:[Tt]he|[Tt]hat)\s+(?:((?:1[89]|20)\d\d)\s+|(latest|most\s+recent)\s+|same\s+|full\s+)?(?:fiscal\s+)?(quarter|period|year|month|week|day)(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const end = match.index! + match[0].length;
    if (PERIOD_END.test(context.text.slice(end, end + 20))) return null;
    const before = context.text.slice(Math.max(0, match.index! - 12), match.index!);
    const earlierIn = /\b(?:earlier|later)\s+in\s+$/i.test(before) && !match[1];
    // "the day" alone is too often no date ("the day of the launch"); "that day", "the same day" and "earlier in the day" are.
    if (match[3] === 'day' && !/^that|\bsame\b/i.test(match[0]) && !earlierIn) return null;
    const unit = match[3]!.toLowerCase();
    const ref = referenceDay(context);
    const precision: DatePrecision = unit === 'period' ? 'quarter' : UNIT_PRECISION[unit]!;
    const rule = 'dates/en/anaphoric-period';
    if (match[2]) {
      if (unit !== 'quarter' && unit !== 'period') return null;
      return createResult(context, match.index!, match[0], unitFrom(ref, 'quarter', -1), { rule, precision: 'quarter', relative: true });
    }
    if (earlierIn && unit !== 'day') return createResult(context, match.index!, match[0], unitFrom(ref, precision, 0), { rule, precision, relative: true });
    if (match[1]) {
      const year = Number(match[1]);
      const value = { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: 'year' as const };
      return createResult(context, match.index!, match[0], value, { rule, precision: 'year', anaphor: unit === 'period' ? 'period' : precision, anaphorYear: year }, { year: true });
    }
    const value = unitFrom(ref, precision, unit === 'quarter' || unit === 'period' ? -1 : 0);
    // "the year" with nothing to name is this year; a part of it ("the end of the year") is placed by tense.
    const flex = precision === 'year' ? ('year' as const) : undefined;
    return createResult(context, match.index!, match[0], value, { rule, precision, relative: true, flex, anaphor: unit === 'period' ? 'period' : precision });
  },
);
