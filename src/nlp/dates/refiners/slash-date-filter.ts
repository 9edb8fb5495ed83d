import type { Refiner } from 'chrono-node';

/**
 * Keep numeric dates with slashes or dots only when they give a year ("1/5/2026"): "3/4 of
 * voters" and "1/2" are fractions, "10.11" a number.
 *
 * @example "3/4 of voters" → no date
 */
export const slashDateFilter: Refiner = {
  refine(_context, results) {
    return results.filter((r) => !r.tags().has('parser/SlashDateFormatParser') || r.start.isCertain('year'));
  },
};
