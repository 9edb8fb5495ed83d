import type { Refiner } from 'chrono-node';

/**
 * Keep numeric dates with slashes or dots only when they give a year with the same separator
 * throughout ("1/5/2026"): "3/4 of voters" and "1/2" are fractions, "10.11" a number and
 * "10-13/16" a price in sixteenths.
 *
 * @example "3/4 of voters" → no date
 */
export const slashDateFilter: Refiner = {
  refine(context, results) {
    return results.filter((r) => {
      if (!r.tags().has('parser/SlashDateFormatParser')) return true;
      const separators = new Set(r.text.replace(/[^/.-]/g, ''));
      return r.start.isCertain('year') && separators.size === 1 && !/[\d-]$/.test(context.text.slice(0, r.index));
    });
  },
};
