import { isoDate, lastDayOfMonth } from '../util/dates.js';

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A period of a series: its label, the days it covers, and its position on the time axis. */
export interface Period {
  /** Canonical label: `2024-11`, `2024-Q1` or `2024`. */
  label: string;
  start: string;
  end: string;
  /** Consecutive periods have consecutive indexes (months since year 0, quarters, years). */
  index: number;
  /** Calendar month (1–12) for monthly series, quarter (1–4) for quarterly; null for years. */
  season: number | null;
}

/** Months of the year that each value of a partial-year series covers, e.g. `1-8` = January–August. */
export interface MonthSpan {
  first: number;
  last: number;
}

export const PERIOD_FORMS: Record<Frequency, string> = {
  month: 'YYYY-MM (e.g. 2024-11)',
  quarter: 'YYYY-Qn (e.g. 2024-Q1)',
  year: 'YYYY (e.g. 2024)',
};

/** Parse `1-8` (or `01-08`) into a month span; null when malformed. */
export function parseMonthSpan(text: string): MonthSpan | null {
  const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  return first >= 1 && last <= 12 && first <= last ? { first, last } : null;
}

export function formatMonthSpan(span: MonthSpan | null): string | null {
  return span ? `${span.first}-${span.last}` : null;
}

/** The period with a given index. */
export function periodAt(index: number, frequency: Frequency, months: MonthSpan | null = null): Period {
  if (frequency === 'month') {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    return { label: `${y}-${String(m).padStart(2, '0')}`, start: isoDate(y, m, 1), end: lastDayOfMonth(y, m), index, season: m };
  }
  if (frequency === 'quarter') {
    const y = Math.floor(index / 4);
    const q = index - y * 4 + 1;
    return { label: `${y}-Q${q}`, start: isoDate(y, q * 3 - 2, 1), end: lastDayOfMonth(y, q * 3), index, season: q };
  }
  const span = months ?? { first: 1, last: 12 };
  return { label: String(index), start: isoDate(index, span.first, 1), end: lastDayOfMonth(index, span.last), index, season: null };
}

/**
 * Parse a period label for a frequency. Accepts `2024-11` (month), `2024-Q1` or `2024Q1`
 * (quarter), `2024` (year); returns null when the label does not fit the frequency.
 *
 * @example parsePeriod('2024-Q3', 'quarter') // → { label: '2024-Q3', start: '2024-07-01', end: '2024-09-30', … }
 */
export function parsePeriod(text: string, frequency: Frequency, months: MonthSpan | null = null): Period | null {
  const s = text.trim();
  if (frequency === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(s);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    return periodAt(Number(m[1]) * 12 + Number(m[2]) - 1, 'month');
  }
  if (frequency === 'quarter') {
    const m = /^(\d{4})-?Q([1-4])$/i.exec(s);
    return m ? periodAt(Number(m[1]) * 4 + Number(m[2]) - 1, 'quarter') : null;
  }
  return /^\d{4}$/.test(s) ? periodAt(Number(s), 'year', months) : null;
}

/** Labels of the periods missing between the first and last index given. */
export function missingPeriods(indexes: number[], frequency: Frequency, months: MonthSpan | null = null): string[] {
  if (!indexes.length) return [];
  const have = new Set(indexes);
  const out: string[] = [];
  for (let i = Math.min(...indexes); i <= Math.max(...indexes); i++) if (!have.has(i)) out.push(periodAt(i, frequency, months).label);
  return out;
}
