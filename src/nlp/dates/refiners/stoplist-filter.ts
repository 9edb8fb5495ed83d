import type { Refiner } from 'chrono-node';
import { alternation, dateLexicon } from '../lexicon.js';

let pattern: RegExp | null = null;

/**
 * Drop dates inside phrases of data/lexicon/date-stoplist.txt: named days and titles that
 * contain a date word ("Good Friday", "Sunday Times", "Theresa May").
 *
 * @example "Good Friday prayers" → no date
 */
export const stoplistFilter: Refiner = {
  refine(context, results) {
    pattern ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(dateLexicon().stoplist)})(?![\\p{L}\\p{N}])`, 'gu');
    const spans = [...context.text.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length] as const);
    if (spans.length === 0) return results;
    return results.filter((r) => !spans.some(([a, b]) => r.index < b && r.index + r.text.length > a));
  },
};
