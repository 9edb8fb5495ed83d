import type { DatePrecision } from '../../../types.js';
import { shiftInterval, unitAround, type DateInterval } from '../calendar.js';
import type { Candidate, DocumentView, MentionRefiner } from '../candidate.js';
import { partOfPeriod } from './narrow-part.js';
import { placingTense } from './resolve-tense.js';
import { dateLexicon } from '../lexicon.js';
import type { Tense } from '../tense.js';

/** How many sentences back "the quarter" may look for what it names. */
const REACH = 8;
const ORDER: DatePrecision[] = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];
const PERIODS: DatePrecision[] = ['month', 'quarter', 'half', 'year'];
/** Anaphors that name the unit around any earlier date inside one ("Sept. 5 … later that month"). */
const AROUND: Array<DatePrecision | 'period'> = ['day', 'month', 'year'];

/** The unit an earlier date names for an anaphor, or null when it names none. */
function named(c: Candidate, anaphor: DatePrecision | 'period'): DateInterval | null {
  if (c.meta.timex || c.meta.shift || c.meta.anaphorYear) return null;
  // "the end of 2025" (December, TimeML 2025) names the year 2025.
  const precision = c.meta.timexPrecision ?? c.value.precision;
  if (AROUND.includes(anaphor)) {
    const unit = unitAround(c.value.start, anaphor as DatePrecision);
    return ORDER.indexOf(precision) <= ORDER.indexOf(anaphor as DatePrecision) && c.value.end <= unit.end ? unit : null;
  }
  const whole = unitAround(c.value.start, precision);
  if (whole.end < c.value.end || c.meta.timexPrecision) return null;
  return (anaphor === 'period' ? PERIODS.includes(precision) : precision === anaphor) ? { ...c.value } : null;
}

/**
 * A day used to name a thing ("his Dec. 3 decree", "the Tuesday deadline") is not the day the
 * story is at, so "the same day" does not refer to it.
 */
function attributive(c: Candidate, doc: DocumentView): boolean {
  const prev = /([\p{L}]+)\s+$/u.exec(doc.text.slice(Math.max(0, c.start - 12), c.start))?.[1]?.toLowerCase();
  return Boolean(prev && dateLexicon().determiners.has(prev) && /^\s+\p{Ll}/u.test(doc.text.slice(c.end, c.end + 3)));
}

/** False when the clause's tense rules the value out: a future clause does not name a period already over. */
function fitsTense(c: Candidate, value: DateInterval, tense: Tense | undefined, doc: DocumentView): boolean {
  if (!tense || tense === 'open') return true;
  const part = c.meta.part ? partOfPeriod(value, c.meta.part) : value;
  return tense === 'future' ? part.end >= doc.parseReference : part.start <= doc.parseReference;
}

/**
 * Give "the quarter", "the same year", "the period", "that month" the value of the latest
 * earlier date that names one: a date of that precision for "the quarter" and "the period"
 * (not a comparison such as "a year earlier", nor a range), and for "the year", "the month",
 * "the week" and "that day" the unit around any earlier date inside one ("in September … the
 * first nine months of the year" is this September's year; "Nov. 8 last year … the end of that
 * month" is November of last year); a day that names a thing ("his Dec. 3 decree") is not one
 * "the same day" refers to. A date the clause's tense rules out is passed over ("…
 * in 2024. Projects could follow by the end of the year" in a 2026 article is 2026). "the 1988
 * quarter" moves the value to 1988. Without one, the value from publication stands ("the
 * quarter" = the last quarter before it); "the period" with nothing to name is dropped.
 *
 * @example "Sales rose in the third quarter of 2024 … in the quarter" → 2024-Q3
 */
export const resolveAnaphor: MentionRefiner = {
  id: 'dates/en/anaphor',
  refine(candidates, doc) {
    const out: Candidate[] = [];
    for (const c of candidates) {
      const anaphor = c.meta.anaphor;
      if (!anaphor) {
        out.push(c);
        continue;
      }
      let antecedent: Candidate | undefined;
      let value: DateInterval | null = null;
      let tense: Tense | undefined | null = null;
      for (let k = out.length - 1; k >= 0 && out[k]!.sentenceIndex >= c.sentenceIndex - REACH; k--) {
        if (anaphor === 'day' && attributive(out[k]!, doc)) continue;
        value = named(out[k]!, anaphor);
        if (value && tense === null) tense = placingTense(c, doc)?.tense;
        if (value && fitsTense(c, value, tense ?? undefined, doc)) {
          antecedent = out[k]!;
          break;
        }
        value = null;
      }
      if (antecedent && value) {
        const year = c.meta.anaphorYear;
        c.value = year ? shiftInterval(value, { years: year - Number(value.start.slice(0, 4)) }) : value;
        c.needsReference = year ? false : antecedent.needsReference;
        c.rules.push('dates/en/anaphor');
        c.why.push(`names again "${antecedent.text}"`);
      } else if (anaphor === 'period' && !c.meta.anaphorYear) {
        doc.drop(c, 'nothing earlier for "the period" to name');
        continue;
      } else c.why.push('nothing earlier to name: taken from publication');
      out.push(c);
    }
    return out;
  },
};
