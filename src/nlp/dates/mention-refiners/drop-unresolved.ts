import type { MentionRefiner } from '../candidate.js';

/**
 * Without a publication date, drop every date that depends on it ("last month", "on Friday",
 * "in March"): nothing is guessed from the clock. Dates the text fixes ("5 January 2026",
 * "in 2016") stay.
 *
 * @example published null: "in 2016 and last month" → only "2016"
 */
export const dropUnresolved: MentionRefiner = {
  id: 'dates/unresolved',
  refine(candidates, doc) {
    if (doc.reference) return candidates;
    return candidates.filter((c) => {
      if (!c.needsReference) return true;
      doc.drop(c, 'needs the publication date, which is unknown');
      return false;
    });
  },
};
