import type { DatePrecision } from '../../../types.js';
import { distanceTo, shiftInterval, type DateInterval } from '../calendar.js';

/**
 * A yearless date this close to publication is that one, whatever the tense says: news gives
 * the year when it means another ("payable Dec. 7", "by Jan. 14", "the third quarter" in a
 * November report). Tense cues are noisy; nearness is not.
 */
const CLOSE_DAYS: Partial<Record<DatePrecision, number>> = { day: 60, month: 31, quarter: 92, half: 92 };
import type { MentionRefiner } from '../candidate.js';
import { clauseTense } from '../tense.js';

/**
 * Place a date that lacks its year (or week) by the tense of its clause: in a past clause it
 * is the latest one that has begun by publication ("met on Thursday" → the Thursday before,
 * "fell in the third quarter"), in a future clause the earliest one that has not ended ("will
 * meet on Thursday" → the coming Thursday, "plans to visit in March" → the coming March).
 * Without a cue a weekday is the latest one (news reports the past), and a month or quarter the
 * one nearest to publication. A yearless date very close to publication (within 60 days for a
 * day, a month for a month, a quarter for a quarter or half) is taken as that one whatever the tense.
 *
 * @example "will visit in March" (ref 2025-04-10) → 2026-03
 */
export const resolveTense: MentionRefiner = {
  id: 'dates/en/tense',
  refine(candidates, doc) {
    const ref = doc.parseReference;
    const refYear = Number(ref.slice(0, 4));
    for (const c of candidates) {
      if (!c.meta.flex) continue;
      const sentence = doc.sentences[c.sentenceIndex];
      // "Wednesday's ruling": a date that names an event is not placed by the clause's verb.
      const possessive = /^['’]s\b/.test(doc.text.slice(c.end, c.end + 3));
      const cue = sentence && !possessive ? clauseTense(sentence.text, c.start - sentence.start, c.end - sentence.start) : null;
      const options: DateInterval[] =
        c.meta.flex === 'week'
          ? [-7, 0, 7].map((days) => shiftInterval(c.value, { days }))
          : [-1, 0, 1].map((k) => shiftInterval(c.value, { years: refYear - Number(c.value.start.slice(0, 4)) + k }));
      const nearest = options.reduce((best, o) => (distanceTo(ref, o) < distanceTo(ref, best) ? o : best));
      let chosen: DateInterval | undefined;
      if (c.meta.flex === 'year' && distanceTo(ref, nearest) <= (CLOSE_DAYS[c.value.precision] ?? 0)) chosen = nearest;
      else if (cue?.tense === 'future') chosen = options.find((o) => o.end >= ref);
      else if (cue?.tense === 'past' || c.meta.flex === 'week') chosen = [...options].reverse().find((o) => o.start <= ref);
      else chosen = nearest;
      chosen ??= c.value;
      const moved = chosen.start !== c.value.start;
      c.value = chosen;
      c.why.push(
        chosen === nearest && c.meta.flex === 'year' && distanceTo(ref, nearest) <= (CLOSE_DAYS[c.value.precision] ?? 0)
          ? `within ${CLOSE_DAYS[c.value.precision]} days of publication → ${chosen.start}`
          : cue
            ? `tense ${cue.tense} (cue "${cue.cue}") → ${chosen.start}`
            : `no tense cue → ${c.meta.flex === 'week' ? 'latest' : 'nearest'} ${chosen.start}`,
      );
      if (moved || cue) c.rules.push('dates/en/tense');
    }
    return candidates;
  },
};
