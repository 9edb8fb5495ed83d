import type { DatePrecision } from '../../../types.js';
import { unitAround } from '../calendar.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, stepDay } from './define.js';

const PRECISION: Record<string, DatePrecision> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/**
 * The same period one year before an earlier date in the text (up to five sentences back):
 * "the same period a year earlier", "the same quarter last year", "the year-earlier
 * quarter", "year-ago levels". A named unit (quarter, month…) sets the precision, else the
 * earlier date's precision is kept; with no earlier date, the same unit a year before
 * publication.
 *
 * @example "in the third quarter of 2024, up from the same period a year earlier" → 2023-Q3
 */
export const samePeriodParser = defineParser(
  /(?:(?:[Tt]he\s+)?(?:same\s+|comparable\s+|corresponding\s+)?(period|quarter|month|week|year|time|day|season)\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year|(?:in\s+)?the\s+year[\s-]earlier)|(?:[Tt]he\s+)?(?:comparable\s+|corresponding\s+)?(?:year|prior[\s-]year)-(?:earlier|ago)(?:\s+(period|quarter|month|week|levels?|figures?|results))?)(?![\p{L}\p{N}-])/u,
  (context, match) => {
    const named = PRECISION[(match[1] ?? match[2] ?? '').toLowerCase()];
    const precision = named ?? 'year';
    const value = unitAround(stepDay(referenceDay(context), 'year', -1), precision);
    return createResult(context, match.index!, match[0], value, {
      rule: 'dates/en/same-period',
      precision,
      relative: true,
      shift: { years: -1 },
      shiftKeeps: named ? 'unit' : 'anchor',
      anchorScope: 5,
    });
  },
);
