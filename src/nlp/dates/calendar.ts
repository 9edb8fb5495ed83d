import type { DatePrecision } from '../../types.js';

/*
 * Day arithmetic on ISO `YYYY-MM-DD` strings with integers only (day numbers from the civil
 * calendar, H. Hinnant's algorithms): the resolver does it for every candidate and its
 * options, and Date objects made this a tenth of its time. util/dates.ts gives the same
 * results (calendar.test.ts checks it over two centuries).
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

export function lastDayOfMonth(y: number, m: number): string {
  return isoDate(y, m, daysInMonth(y, m));
}

/** Day number (days since 1970-01-01) of a civil date. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function digits(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

function numberOf(iso: string): number {
  const { y, m, d } = dayOf(iso);
  return dayNumber(y, m, d);
}

/** Add days to an ISO day. */
export function addDays(iso: string, days: number): string {
  return days === 0 ? iso : fromDayNumber(numberOf(iso) + days);
}

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
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (!(y >= 0) || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || !(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(y, m))) throw new Error(`not an ISO day: ${iso}`);
  return { y, m, d };
}

export function isoOf(day: Day): string {
  return isoDate(day.y, day.m, day.d);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: string): number {
  // 1970-01-01 was a Thursday.
  return ((((numberOf(iso) + 3) % 7) + 7) % 7) + 1;
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
  const week = Math.floor(daysBetween(isoDate(year, 1, 1), thursday) / 7) + 1;
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
  return numberOf(b) - numberOf(a);
}

/** Distance in days from a day to an interval (0 when inside). */
export function distanceTo(iso: string, value: DateInterval): number {
  if (iso < value.start) return daysBetween(iso, value.start);
  if (iso > value.end) return daysBetween(value.end, iso);
  return 0;
}

