import type { DatePrecision } from '../../types.js';
import { addDays, daysInMonth, fromUtcDate, isoDate, lastDayOfMonth, parseIsoDay, toUtcDate } from '../../util/dates.js';

/** A resolved date: inclusive ISO days and the unit it was stated in. */
export interface DateInterval {
  start: string;
  end: string;
  precision: DatePrecision;
}

/** A calendar day as numbers. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export function dayOf(iso: string): Day {
  const day = parseIsoDay(iso);
  if (!day) throw new Error(`not an ISO day: ${iso}`);
  return day;
}

export function isoOf(day: Day): string {
  return isoDate(day.y, day.m, day.d);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: string): number {
  return toUtcDate(iso).getUTCDay() || 7;
}

/** Monday of the ISO week containing the day. */
export function weekStart(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso));
}

/** The Saturday and Sunday of the (Monday-to-Sunday) week containing a day, at day precision. */
export function weekendOf(iso: string): DateInterval {
  const saturday = addDays(weekStart(iso), 5);
  return { start: saturday, end: addDays(saturday, 1), precision: 'day' };
}

/** ISO-8601 week-numbering year and week of a day. */
export function isoWeek(iso: string): { year: number; week: number } {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  const jan1 = toUtcDate(isoDate(year, 1, 1));
  const week = Math.floor((toUtcDate(thursday).getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
  return { year, week };
}

/**
 * The whole calendar unit of a precision containing a day: the month of a day for `month`,
 * its quarter for `quarter`, and so on.
 *
 * @example unitAround('2024-08-15', 'quarter') // → { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' }
 */
export function unitAround(iso: string, precision: DatePrecision): DateInterval {
  const { y, m } = dayOf(iso);
  switch (precision) {
    case 'day':
      return { start: iso, end: iso, precision };
    case 'week': {
      const start = weekStart(iso);
      return { start, end: addDays(start, 6), precision };
    }
    case 'month':
      return { start: isoDate(y, m, 1), end: lastDayOfMonth(y, m), precision };
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return { start: isoDate(y, first, 1), end: lastDayOfMonth(y, first + 2), precision };
    }
    case 'half': {
      const first = m <= 6 ? 1 : 7;
      return { start: isoDate(y, first, 1), end: lastDayOfMonth(y, first + 5), precision };
    }
    case 'year':
      return { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), precision };
    case 'decade': {
      const first = y - (y % 10);
      return { start: isoDate(first, 1, 1), end: isoDate(first + 9, 12, 31), precision };
    }
  }
}

/** Add years and months to a day, clamping the day to the month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = dayOf(iso);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export interface Shift {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/**
 * Move an interval by whole calendar units, keeping its precision: the shifted start is
 * re-expanded to its unit, so "Q3 2024" a year earlier is "Q3 2023" and February stays a
 * whole month. Intervals wider than one unit (ranges) shift both ends.
 *
 * @example shiftInterval({ start: '2024-07-01', end: '2024-09-30', precision: 'quarter' }, { years: -1 })
 *   // → { start: '2023-07-01', end: '2023-09-30', precision: 'quarter' }
 */
export function shiftInterval(value: DateInterval, shift: Shift): DateInterval {
  const move = (iso: string): string => addDays(addMonths(iso, (shift.years ?? 0) * 12 + (shift.months ?? 0)), (shift.weeks ?? 0) * 7 + (shift.days ?? 0));
  const startUnit = unitAround(value.start, value.precision);
  const endUnit = unitAround(value.end, value.precision);
  const wholeUnits = startUnit.start === value.start && endUnit.end === value.end;
  if (!wholeUnits) return { start: move(value.start), end: move(value.end), precision: value.precision };
  return { start: unitAround(move(value.start), value.precision).start, end: unitAround(move(value.end), value.precision).end, precision: value.precision };
}

/** TimeML value of the unit containing a day, at a precision. */
function unitTimex(iso: string, precision: DatePrecision): string {
  const { y, m } = dayOf(iso);
  const year = String(y).padStart(4, '0');
  switch (precision) {
    case 'day':
      return iso;
    case 'week': {
      const w = isoWeek(iso);
      return `${w.year}-W${String(w.week).padStart(2, '0')}`;
    }
    case 'month':
      return iso.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(m / 3)}`;
    case 'half':
      return `${year}-H${m <= 6 ? 1 : 2}`;
    case 'year':
      return year;
    case 'decade':
      return `${year.slice(0, 3)}X`;
  }
}

/**
 * The TimeML (TIMEX3) value of an interval: `2024-Q3`, `1998-W02`, `199X`, `2024-11`, or
 * `2024-11/2025-01` when it spans several units of its precision.
 *
 * @example toTimex({ start: '2024-11-01', end: '2025-01-31', precision: 'month' }) // → '2024-11/2025-01'
 */
export function toTimex(value: DateInterval): string {
  const a = unitTimex(value.start, value.precision);
  const b = unitTimex(value.end, value.precision);
  return a === b ? a : `${a}/${b}`;
}

/** Days between two ISO days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

/** Distance in days from a day to an interval (0 when inside). */
export function distanceTo(iso: string, value: DateInterval): number {
  if (iso < value.start) return daysBetween(iso, value.start);
  if (iso > value.end) return daysBetween(value.end, iso);
  return 0;
}

export { addDays, fromUtcDate, toUtcDate };
