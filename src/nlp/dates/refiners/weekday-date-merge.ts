import type { Refiner } from 'chrono-node';
import { readMeta } from '../meta.js';

/**
 * Join a weekday to the full date right after it ("Thursday, March 5, 2026"): one mention with
 * the date's value.
 *
 * @example "Thursday, Jan. 5" → one mention, 5 January
 */
export const weekdayDateMerge: Refiner = {
  refine(context, results) {
    const out = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      const next = results[i + 1];
      if (next && readMeta(r).rule === 'dates/en/weekday' && next.start.isCertain('day')) {
        const between = context.text.slice(r.index + r.text.length, next.index);
        if (/^,?\s*(?:the\s+)?$/.test(between)) {
          next.text = r.text + between + next.text;
          next.index = r.index;
          continue;
        }
      }
      out.push(r);
    }
    return out;
  },
};
