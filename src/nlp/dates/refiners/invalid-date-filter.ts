import type { Refiner } from 'chrono-node';

/**
 * Drop results that are not real calendar days ("Sept 31", "1/0/1986"): chrono's own check
 * sits in a filter Bilat does not use, since it would also drop bare years.
 *
 * @example "on 31/9/1986" → no date
 */
export const invalidDateFilter: Refiner = {
  refine(_context, results) {
    return results.filter((r) => r.start.isValidDate() && (!r.end || r.end.isValidDate()));
  },
};
