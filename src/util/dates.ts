/** Small calendar helpers on ISO `YYYY-MM-DD` strings (UTC, no time zones). */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export const MONTH_PATTERN =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when y-m-d is a real calendar day. */
export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parse strict `YYYY-MM-DD`; null when malformed or not a real day. */
export function parseIsoDay(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDay(y, mo, d) ? { y, m: mo, d } : null;
}

export function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function fromUtcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = toUtcDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtcDate(d);
}

export function lastDayOfMonth(y: number, m: number): string {
  return isoDate(y, m, daysInMonth(y, m));
}

/**
 * Normalise a date-like metadata string (ISO timestamp, RFC 822, "January 5, 2026") to
 * `YYYY-MM-DD`, or null. Timestamps keep the calendar day written in them (no zone shift).
 */
export function normaliseDateString(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
  }
  // RFC 822 / 1123: "Mon, 05 Jan 2026 09:00:00 +0900" or "5 January 2026"
  m = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})`, 'i').exec(s);
  if (m) {
    const mo = monthNumber(m[2]!);
    const [y, d] = [Number(m[3]), Number(m[1])];
    return mo && isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
  }
  m = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i').exec(s);
  if (m) {
    const mo = monthNumber(m[1]!);
    const [y, d] = [Number(m[3]), Number(m[2])];
    return mo && isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
  }
  return null;
}
