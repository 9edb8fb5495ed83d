import { addDays, isoDate, isValidDay } from '../../util/dates.js';
import { isoWeekday } from './calendar.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

let chinese: Intl.DateTimeFormat | null = null;
const lunarCache = new Map<string, string | null>();

/** Month and day of a Gregorian day in the Chinese calendar ("4bis" for a leap fourth month). */
function chineseMonthDay(iso: string): [string, number] {
  chinese ??= new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const parts = chinese.formatToParts(new Date(`${iso}T00:00:00Z`));
  return [parts.find((p) => p.type === 'month')?.value ?? '', Number(parts.find((p) => p.type === 'day')?.value)];
}

/**
 * The Gregorian day in a year of a day of the Chinese lunisolar calendar (its ordinary month,
 * not a leap one): lunar 1-1 of 2026 is 17 February 2026. Null when the ICU calendar is missing.
 */
function lunarDay(year: number, month: number, day: number): string | null {
  const key = `${year}-${month}-${day}`;
  if (lunarCache.has(key)) return lunarCache.get(key)!;
  let found: string | null = null;
  try {
    // A lunar date falls 20 to 60 days after the Gregorian day of the same number.
    const from = isoDate(year, month, day);
    for (let k = 0; k <= 62 && !found; k++) {
      const iso = addDays(from, k);
      const [m, d] = chineseMonthDay(iso);
      if (m === String(month) && d === day) found = iso;
    }
  } catch {
    found = null;
  }
  lunarCache.set(key, found);
  return found;
}

/**
 * The day a holiday rule of data/lexicon/date-holidays.txt falls on in a year: `12-25`,
 * `11-Thu>=22` (the first Thursday on or after 22 November), `lunar-08-15`. Null when the rule
 * cannot be read or the day does not exist.
 *
 * @example holidayDate('11-Thu>=22', 1999) // → '1999-11-25'
 * @example holidayDate('lunar-01-01', 2026) // → '2026-02-17'
 */
export function holidayDate(rule: string, year: number): string | null {
  let m = /^(\d\d)-(\d\d)$/.exec(rule);
  if (m) return isValidDay(year, Number(m[1]), Number(m[2])) ? isoDate(year, Number(m[1]), Number(m[2])) : null;
  m = /^(\d\d)-([A-Z][a-z]{2})>=(\d\d)$/.exec(rule);
  if (m) {
    const weekday = WEEKDAYS.indexOf(m[2]!) + 1;
    if (!weekday) return null;
    const from = isoDate(year, Number(m[1]), Number(m[3]));
    return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
  }
  m = /^lunar-(\d\d)-(\d\d)$/.exec(rule);
  if (m) return lunarDay(year, Number(m[1]), Number(m[2]));
  return null;
}
