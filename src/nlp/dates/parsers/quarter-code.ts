import { lastDayOfMonth } from '../../../util/dates.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, fullYear, YEAR } from './define.js';

/**
 * A quarter written as a code: "Q3", "Q3 2024", "Q3'24", "3Q24", "1Q 2025".
 *
 * @example "Q3 2024" → 2024-Q3
 */
export const quarterCodeParser = defineParser(
  new RegExp(`(?:Q([1-4])|([1-4])Q)(?:(?:\\s+|-|\\s*['’]?)(${YEAR}|\\d\\d(?!\\d)))?(?![\\p{L}\\p{N}])`, 'u'),
  (context, match) => {
    const q = Number(match[1] ?? match[2]);
    const ref = referenceDay(context);
    const refYear = Number(ref.slice(0, 4));
    const digits = match[3];
    const year = !digits ? refYear : digits.length === 4 ? Number(digits) : fullYear(Number(digits), refYear);
    const value = { start: `${year}-${String(3 * q - 2).padStart(2, '0')}-01`, end: lastDayOfMonth(year, 3 * q), precision: 'quarter' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/quarter-code', precision: 'quarter', flex: digits ? undefined : 'year' }, { year: Boolean(digits), month: true });
  },
);
