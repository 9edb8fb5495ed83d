import { expect, test } from 'vitest';
import * as util from '../../util/dates.js';
import { addDays, daysBetween, dayOf, isoWeek, isoWeekday, shiftInterval, toTimex, unitAround, type DateInterval, type Shift } from './calendar.js';

const q3: DateInterval = { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' };

test.each<[DateInterval, Shift, DateInterval]>([
  [q3, { years: -1 }, { start: '2023-07-01', end: '2023-09-30', precision: 'quarter' }],
  [{ start: '2024-02-01', end: '2024-02-29', precision: 'month' }, { years: 1 }, { start: '2025-02-01', end: '2025-02-28', precision: 'month' }],
  [{ start: '2025-01-31', end: '2025-01-31', precision: 'day' }, { months: 1 }, { start: '2025-02-28', end: '2025-02-28', precision: 'day' }],
  [{ start: '2024-11-01', end: '2025-01-31', precision: 'month' }, { years: -1 }, { start: '2023-11-01', end: '2024-01-31', precision: 'month' }],
  [{ start: '2024-12-11', end: '2024-12-20', precision: 'month' }, { years: -1 }, { start: '2023-12-11', end: '2023-12-20', precision: 'month' }],
  [{ start: '2025-03-17', end: '2025-03-23', precision: 'week' }, { weeks: -1 }, { start: '2025-03-10', end: '2025-03-16', precision: 'week' }],
])('shiftInterval(%o, %o)', (value, shift, expected) => {
  expect(shiftInterval(value, shift)).toEqual(expected);
});

test.each<[DateInterval, string]>([
  [q3, '2024-Q3'],
  [{ start: '1998-01-05', end: '1998-01-11', precision: 'week' }, '1998-W02'],
  [{ start: '1990-01-01', end: '1999-12-31', precision: 'decade' }, '199X'],
  [{ start: '2024-11-01', end: '2024-11-30', precision: 'month' }, '2024-11'],
  [{ start: '2024-11-01', end: '2025-01-31', precision: 'month' }, '2024-11/2025-01'],
  [{ start: '2024-01-01', end: '2024-06-30', precision: 'half' }, '2024-H1'],
  [{ start: '2026-01-05', end: '2026-01-05', precision: 'day' }, '2026-01-05'],
  [{ start: '2024-09-01', end: '2024-12-31', precision: 'year' }, '2024'],
])('toTimex(%o) = %s', (value, expected) => {
  expect(toTimex(value)).toBe(expected);
});

test.each<[string, { year: number; week: number }]>([
  ['2025-03-23', { year: 2025, week: 12 }],
  ['2021-01-03', { year: 2020, week: 53 }],
  ['2024-12-30', { year: 2025, week: 1 }],
])('isoWeek(%s)', (day, expected) => {
  expect(isoWeek(day)).toEqual(expected);
});

test('unitAround gives the whole unit containing a day', () => {
  expect(unitAround('2024-08-15', 'half')).toEqual({ start: '2024-07-01', end: '2024-12-31', precision: 'half' });
});

test('day arithmetic agrees with util/dates.ts over two centuries', () => {
  let day = '1899-12-25';
  for (let n = 0; n < 365 * 202; n++) {
    const next = addDays(day, 1);
    expect(next).toBe(util.addDays(day, 1));
    expect(isoWeekday(day)).toBe(util.toUtcDate(day).getUTCDay() || 7);
    if (n % 97 === 0) {
      expect(addDays(day, -400)).toBe(util.addDays(day, -400));
      expect(daysBetween('1970-01-01', day)).toBe(Math.round(util.toUtcDate(day).getTime() / 86_400_000));
    }
    day = next;
  }
});

test.each(['2025-02-29', '2025-13-01', '2025-1-01', 'x025-01-01', '2025-01-32'])('dayOf(%s) refuses a day that does not exist', (iso) => {
  expect(() => dayOf(iso)).toThrow(/not an ISO day/);
});
