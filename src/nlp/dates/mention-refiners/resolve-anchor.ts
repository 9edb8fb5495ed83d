import type { DatePrecision } from '../../../types.js';
import { addDays, isoWeekday, shiftInterval, unitAround, weekendOf, type DateInterval, type Shift } from '../calendar.js';
import type { Candidate, MentionRefiner } from '../candidate.js';

const ORDER: DatePrecision[] = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];

/** The coarsest unit a shift can be expressed in. */
function shiftUnit(shift: Shift): DatePrecision {
  if (shift.days) return 'day';
  if (shift.weeks) return 'week';
  const months = (shift.years ?? 0) * 12 + (shift.months ?? 0);
  if (months % 12 === 0) return 'year';
  if (months % 3 === 0) return 'quarter';
  return 'month';
}

/**
 * Vague dates are not compared against, nor, for a shift of months or years, dates that only
 * tell when something was said ("said on Tuesday … a year earlier"); a shift of days or weeks
 * counts from them ("on Saturday … a day earlier").
 */
function canAnchor(c: Candidate, keeps: 'anchor' | 'unit', unit: DatePrecision): boolean {
  if (c.meta.timex) return false;
  const reported = c.meta.rule.startsWith('dates/en/weekday') || c.meta.rule.startsWith('dates/chrono/casual');
  return !(keeps === 'anchor' && reported && unit !== 'day' && unit !== 'week');
}

/** The weekday (ISO number) just before or after a day: "the previous Friday". */
function weekdayNextTo(iso: string, weekday: number, after: boolean): DateInterval {
  const from = isoWeekday(iso);
  const day = after ? addDays(iso, (weekday - from + 7) % 7 || 7) : addDays(iso, -((from - weekday + 7) % 7 || 7));
  return { start: day, end: day, precision: 'day' };
}

/** A month, quarter or half, whole: what figures are reported for ("in the latest quarter"). */
function reportingPeriod(a: Candidate): boolean {
  const p = a.value.precision;
  return (p === 'month' || p === 'quarter' || p === 'half') && !a.meta.season && unitAround(a.value.start, p).end >= a.value.end;
}

/**
 * Resolve "a year earlier", "the same period last year", "the following day" against the
 * latest earlier date within reach (same sentence, or up to two sentences back) no coarser
 * than the step ("As of Thursday … next month … two days earlier" counts from Thursday). "a year
 * earlier" keeps that date's precision (the third quarter → the third quarter of the year
 * before); "the following year" takes its own unit, "the previous weekend" the weekend of the
 * earlier date's week. With no date within reach the value counted from publication stands.
 *
 * @example "Exports rose in March 2024 from a year earlier." → 2023-03
 */
export const resolveAnchor: MentionRefiner = {
  id: 'dates/en/anchor',
  refine(candidates) {
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      const shift = c.meta.shift;
      if (!shift) continue;
      const keeps = c.meta.shiftKeeps ?? 'anchor';
      const unit = shiftUnit(shift);
      const scope = c.meta.anchorScope ?? 2;
      let anchor: Candidate | undefined;
      for (let k = i - 1; k >= 0; k--) {
        const a = candidates[k]!;
        if (a.sentenceIndex < c.sentenceIndex - scope) break;
        if (!canAnchor(a, keeps, unit)) continue;
        // A comparison is not made with another comparison ("… a year ago. … from $3 million last year").
        if (keeps === 'anchor' && unit === 'year' && (a.meta.shift?.years ?? 0) < 0) continue;
        if (c.meta.anchorPeriod && !reportingPeriod(a)) continue;
        // A date coarser than the step is passed over ("next month … two days earlier").
        const fits = keeps === 'anchor' ? ORDER.indexOf(a.value.precision) <= ORDER.indexOf(unit) : ORDER.indexOf(a.value.precision) <= ORDER.indexOf(c.meta.precision);
        if (!fits) continue;
        anchor = a;
        break;
      }
      if (!anchor) {
        c.why.push('no earlier date within reach: counted from publication');
        continue;
      }
      c.value = c.meta.weekday
        ? weekdayNextTo(anchor.value.start, c.meta.weekday, (shift.weeks ?? 0) > 0)
        : c.meta.weekend
        ? shiftInterval(weekendOf(anchor.value.start), shift)
        : keeps === 'anchor'
          ? shiftInterval(anchor.value, shift)
          : shiftInterval(unitAround(anchor.value.start, c.meta.precision), shift);
      c.needsReference = anchor.needsReference;
      c.rules.push('dates/en/anchor');
      c.why.push(`relative to "${anchor.text}" (${anchor.value.start}…${anchor.value.end})`);
    }
    return candidates;
  },
};
