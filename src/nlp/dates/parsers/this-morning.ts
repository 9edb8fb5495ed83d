import { createResult, referenceDay } from '../meta.js';
import { defineParser } from './define.js';

/**
 * A part of the publication day: "this morning", "this afternoon", "this evening". The value is
 * the day (times of day are not resolved).
 *
 * @example "This morning, the first groups left" (ref 2017-03-15) → 2017-03-15
 */
export const thisMorningParser = defineParser(/[Tt]his\s+(?:morning|afternoon|evening)(?![\p{L}\p{N}-])/u, (context, match) => {
  const ref = referenceDay(context);
  return createResult(context, match.index!, match[0], { start: ref, end: ref, precision: 'day' }, { rule: 'dates/en/this-morning', precision: 'day', relative: true });
});
