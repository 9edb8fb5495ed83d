import type { DatePrecision } from '../../../types.js';
import { distanceTo, shiftInterval, type DateInterval } from '../calendar.js';
import type { Candidate, DocumentView, MentionRefiner } from '../candidate.js';
import { clauseTense, type Tense, type TenseCue } from '../tense.js';
import { holidayDate } from '../holidays.js';
import { partOfPeriod } from './narrow-part.js';

/**
 * A yearless date this close to publication is that one, whatever the tense says: news gives
 * the year when it means another ("payable Dec. 7", "by Jan. 14", "the third quarter" in a
 * November report). Tense cues are noisy; nearness is not.
 */
const CLOSE_DAYS: Partial<Record<DatePrecision, number>> = { day: 60, month: 31, quarter: 92, half: 92 };

/** A yearless date in a given year: the same day, or the holiday's day that year (lunar holidays move). */
function inYear(c: Candidate, year: number): DateInterval {
  const day = c.meta.holiday ? holidayDate(c.meta.holiday, year) : null;
  if (day) return { start: day, end: day, precision: 'day' };
  return shiftInterval(c.value, { years: year - Number(c.value.start.slice(0, 4)) });
}

/**
 * The tense that places a date: the clause's, except that "since" looks back whatever the
 * clause says ("has let Koreans in since November"), "until" or "through" without a tense cue
 * looks ahead ("yes, until June", "has extended loans through January"), and a part of a period after "by" is a deadline, so about what is coming
 * ("had pledged cuts by the end of the year").
 */
export function placingTense(c: Candidate, doc: DocumentView): TenseCue | null {
  const preposition = /\b(since|until|till|through|by)\s+$/i.exec(doc.text.slice(Math.max(0, c.start - 8), c.start))?.[1]?.toLowerCase();
  if (preposition === 'since') return { tense: 'past', cue: 'since', strict: true };
  if (preposition === 'by' && c.meta.part) return { tense: 'future', cue: 'by' };
  const sentence = doc.sentences[c.sentenceIndex];
  // "Wednesday's ruling": a date that names an event is not placed by the clause's verb.
  const possessive = /^['’]s\b/.test(doc.text.slice(c.end, c.end + 3));
  const cue = sentence && !possessive ? clauseTense(sentence.text, c.start - sentence.start, c.end - sentence.start) : null;
  return cue ?? (preposition === 'until' || preposition === 'till' || preposition === 'through' ? { tense: 'future', cue: preposition } : null);
}

/**
 * The year of a part of a year given without one ("the end of the year", "year-end", "the first
 * nine months of the year"), from the options a year apart (last, this, next). A counted part
 * is a period reported on: the latest that has ended by publication, unless the clause is
 * about the future. Otherwise a part within a month of publication is that one ("year-end
 * packages" in November); else a past clause takes the latest part begun by publication, a
 * future clause the earliest not ended, and a clause without a cue this year's.
 */
function placePart(options: DateInterval[], part: string, ref: string, tense: Tense | null, strict = false): DateInterval {
  const current = options[1]!;
  const parts = options.map((o) => partOfPeriod(o, part));
  const pick = (test: (p: DateInterval) => boolean, latest: boolean): DateInterval | undefined => {
    const order = latest ? [2, 1, 0] : [0, 1, 2];
    const k = order.find((i) => test(parts[i]!));
    return k === undefined ? undefined : options[k];
  };
  if (/^(first|last) /.test(part) && tense !== 'future') return pick((p) => p.end < ref, true) ?? current;
  const close = pick((p) => distanceTo(ref, p) <= (CLOSE_DAYS[p.precision] ?? 0), true);
  if (close && !strict && tense !== 'future') return close;
  if (tense === 'future') return pick((p) => p.end >= ref, false) ?? current;
  if (tense === 'past') return pick((p) => p.start <= ref, true) ?? current;
  return current;
}

/**
 * Place a date that lacks its year (or week) by the tense of its clause: in a past clause it
 * is the latest one that has begun by publication ("met on Thursday" → the Thursday before,
 * "fell in the third quarter"), in a future clause the earliest one that has not ended ("will
 * meet on Thursday" → the coming Thursday, "plans to visit in March" → the coming March).
 * Without a cue a weekday is the latest one (news reports the past), and a month or quarter the
 * one nearest to publication. A yearless date very close to publication (within 60 days for a
 * day, a month for a month, a quarter for a quarter or half) is taken as that one whatever the tense,
 * except after "since", which always looks back. A plan reported in the past ("had been due to
 * meet on Saturday") takes the nearest. A part of a year ("the end of the year") is placed by
 * its part (see placePart).
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
      const cue = placingTense(c, doc);
      const options: DateInterval[] =
        c.meta.flex === 'week'
          ? [-7, 0, 7].map((days) => shiftInterval(c.value, { days }))
          : [-1, 0, 1].map((k) => inYear(c, refYear + k));
      const nearest = options.reduce((best, o) => (distanceTo(ref, o) < distanceTo(ref, best) ? o : best));
      let chosen: DateInterval | undefined;
      if (c.meta.part && c.meta.flex === 'year' && c.value.precision === 'year') {
        const placed = placePart(options, c.meta.part, ref, cue?.tense ?? null, cue?.strict);
        c.value = placed;
        c.why.push(`part "${c.meta.part}"${cue ? `, tense ${cue.tense} (cue "${cue.cue}")` : ', no tense cue'} → ${placed.start.slice(0, 4)}`);
        if (cue) c.rules.push('dates/en/tense');
        continue;
      }
      const close = c.meta.flex === 'year' && !cue?.strict && distanceTo(ref, nearest) <= (CLOSE_DAYS[c.value.precision] ?? 0);
      if (close) chosen = nearest;
      else if (cue?.tense === 'open') chosen = nearest;
      else if (cue?.tense === 'future') chosen = options.find((o) => o.end >= ref);
      else if (cue?.tense === 'past' || c.meta.flex === 'week') chosen = [...options].reverse().find((o) => o.start <= ref);
      else chosen = nearest;
      chosen ??= c.value;
      const moved = chosen.start !== c.value.start;
      c.value = chosen;
      c.why.push(
        close
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
