import { addDays, lastDayOfMonth, toUtcDate } from '../util/dates.js';

/** Period grids for indicators: ISO weeks (Monday to Sunday), months, quarters, years. */
export const GRIDS = ['week', 'month', 'quarter', 'year'] as const;
export type Grid = (typeof GRIDS)[number];

export interface GridPeriod {
  /** `2025-W02`, `2025-01`, `2025-Q1` or `2025`. */
  label: string;
  start: string;
  end: string;
}

/** Monday of the ISO week holding a day. */
function mondayOf(day: string): string {
  const wd = (toUtcDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -wd);
}

/** ISO week label: the year of the week's Thursday, and the week number counted from that year's first Thursday. */
function weekLabel(day: string): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const week = Math.round((toUtcDate(thursday).getTime() - toUtcDate(firstThursday).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period of a grid that holds a day.
 *
 * @example periodOf('2026-01-05', 'quarter') // → { label: '2026-Q1', start: '2026-01-01', end: '2026-03-31' }
 */
export function periodOf(day: string, grid: Grid): GridPeriod {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (grid) {
    case 'week': {
      const start = mondayOf(day);
      return { label: weekLabel(day), start, end: addDays(start, 6) };
    }
    case 'month':
      return { label: day.slice(0, 7), start: `${day.slice(0, 7)}-01`, end: lastDayOfMonth(y, m) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      return { label: `${y}-Q${q}`, start: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: lastDayOfMonth(y, q * 3) };
    }
    default:
      return { label: String(y), start: `${y}-01-01`, end: `${y}-12-31` };
  }
}

/** The period holding a whole interval, or null when the interval spans more than one period. */
export function periodHolding(start: string, end: string, grid: Grid): string | null {
  const a = periodOf(start, grid);
  return end <= a.end ? a.label : null;
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, grid: Grid): GridPeriod[] {
  const out: GridPeriod[] = [];
  if (from > to) return out;
  let p = periodOf(from, grid);
  for (;;) {
    out.push(p);
    if (p.end >= to) return out;
    p = periodOf(addDays(p.end, 1), grid);
  }
}

/** The period after `p` (for walking month by month). */
export function nextPeriod(p: GridPeriod, grid: Grid): GridPeriod {
  return periodOf(addDays(p.end, 1), grid);
}
