import type { DatePrecision } from '../../../types.js';
import { shiftInterval, unitAround } from '../calendar.js';
import type { Candidate, MentionRefiner } from '../candidate.js';

/** How many sentences back "the quarter" may look for what it names. */
const REACH = 8;
const PERIODS: DatePrecision[] = ['month', 'quarter', 'half', 'year'];

function names(c: Candidate, anaphor: DatePrecision | 'period'): boolean {
  if (c.meta.timex || c.meta.shift || c.meta.anaphorYear) return false;
  if (unitAround(c.value.start, c.value.precision).end < c.value.end) return false;
  return anaphor === 'period' ? PERIODS.includes(c.value.precision) : c.value.precision === anaphor;
}

/**
 * Give "the quarter", "the same year", "the period" the value of the latest earlier date of
 * that precision (not a comparison such as "a year earlier", nor a range); "the 1988 quarter"
 * moves it to 1988. Without one, the value from publication stands ("the quarter" = the last
 * quarter before it); "the period" with nothing to name is dropped.
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
      const antecedent = [...out].reverse().find((a) => a.sentenceIndex >= c.sentenceIndex - REACH && names(a, anaphor));
      if (antecedent) {
        const year = c.meta.anaphorYear;
        c.value = year ? shiftInterval(antecedent.value, { years: year - Number(antecedent.value.start.slice(0, 4)) }) : { ...antecedent.value };
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
