import type { DatePrecision } from '../../../types.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, UNIT_PRECISION, unitFrom } from './define.js';

/** A comparison with a figure earlier in the clause ("compared with a loss of $3 million last year"). */
const COMPARISON = /\b(?:from|than|compared|versus|vs|against)\b[^.;:!?]*\d[^.;:!?]*$/i;

const OFFSETS: Record<string, number> = { last: -1, 'this past': -1, this: 0, current: 0, 'the current': 0, next: 1, 'this coming': 1, 'the coming': 1 };

/**
 * A period named relative to the publication date: "last year", "this week", "next month",
 * "last quarter", "the current quarter". "the last year" and "the past year" are durations and
 * do not match; "the previous year" and "the following month" refer to an earlier date in the
 * text (anchored-shift.ts).
 *
 * @example "last month" (ref 2025-03-23) → 2025-02-01…2025-02-28
 */
export const relativePeriodParser = defineParser(
  /((?:[Tt]his\s+)?[Ll]ast|[Tt]his(?:\s+coming|\s+past)?|[Nn]ext|(?:[Tt]he\s+)?(?:[Cc]urrent|[Cc]oming))\s+(?:fiscal\s+)?(week|month|quarter|year|decade)(?![\p{L}\p{N}-])(?!\s+or\s+(?:two|so))/u,
  (context, match) => {
    const before = context.text.slice(Math.max(0, match.index! - 6), match.index!);
    if (/\b(?:the|a)\s+$/i.test(before)) return null;
    const modifier = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const offset = OFFSETS[modifier];
    if (offset === undefined) return null;
    const precision: DatePrecision = UNIT_PRECISION[match[2]!]!;
    const value = unitFrom(referenceDay(context), precision, offset);
    // "up from $504 million last year" after a quarter's figures: that quarter a year before.
    const comparison = precision === 'year' && offset === -1 && COMPARISON.test(context.text.slice(Math.max(0, match.index! - 80), match.index!));
    return createResult(context, match.index!, match[0], value, {
      rule: 'dates/en/relative-period',
      precision,
      relative: true,
      ...(comparison ? { shift: { years: -1 }, shiftKeeps: 'anchor' as const, anchorScope: 2, anchorPeriod: true } : {}),
    });
  },
);
