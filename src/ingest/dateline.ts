import { MONTH_PATTERN, isValidDay, isoDate, monthNumber, normaliseDateString } from '../util/dates.js';

export interface Dateline {
  /** Publication date found, `YYYY-MM-DD`. */
  published: string;
  /** The dateline text as written. */
  text: string;
  place: string | null;
  outlet: string | null;
  /** How the year was obtained when the dateline had none. */
  year_from: 'dateline' | 'hint' | 'text' | null;
}

export interface DatelineOptions {
  /** Year to use when the dateline gives month and day only (e.g. from the file name). */
  yearHint?: number | null;
  /** Latest plausible year (injected clock); later years in the text are ignored. */
  maxYear?: number;
}

const CITY = "[A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][A-Za-z.]+(?:\\s[A-Z][A-Za-z.]+)?)?";
const DAY_FIRST = `(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?(?:,?\\s+(\\d{4}))?`;
const MONTH_FIRST = `(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?`;
const DASH = '(?:--|—|–|-|:)';

/** "SEOUL, Jan. 5 (Yonhap) --", "BEIJING, 5 January 2026 (Xinhua) —" */
const WIRE_MF = new RegExp(`^(${CITY}),?\\s+${MONTH_FIRST}\\s*(?:\\(([^)]{2,40})\\))?\\s*${DASH}`);
const WIRE_DF = new RegExp(`^(${CITY}),?\\s+${DAY_FIRST}\\s*(?:\\(([^)]{2,40})\\))?\\s*${DASH}`);
/** A line holding only a date, optionally labelled: "January 7, 2026", "Published: 2025-03-23". */
const LABEL = '(?:(?:Published|Posted|Updated|Date|Dated|First published)(?:\\s+on)?\\s*:?\\s*)?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const DATE_LINE = new RegExp(
  `^${LABEL}${WEEKDAY}(?:(\\d{4}-\\d{2}-\\d{2})|${MONTH_FIRST}|${DAY_FIRST})(?:[,\\s]+\\d{1,2}[:.]\\d{2}.*)?\\s*$`,
  'i',
);

/**
 * Find a dateline in the first lines of an article and resolve it to a publication date.
 *
 * @example findDateline('SEOUL, Jan. 5 (Yonhap) -- Talks…', { yearHint: 2026 })
 *   // → { published: '2026-01-05', place: 'SEOUL', outlet: 'Yonhap', … }
 */
export function findDateline(text: string, options: DatelineOptions = {}): Dateline | null {
  const head = text.slice(0, 600).split('\n').slice(0, 4);
  for (const rawLine of head) {
    const line = rawLine.trim();
    if (!line) continue;
    const wire = matchWire(line, text, options);
    if (wire) return wire;
    const dl = DATE_LINE.exec(line);
    if (dl) {
      if (dl[1]) {
        const iso = normaliseDateString(dl[1]);
        if (iso) return { published: iso, text: line, place: null, outlet: null, year_from: 'dateline' };
        continue;
      }
      const [mo, d, y] = dl[2] ? [dl[2], dl[3], dl[4]] : [dl[6], dl[5], dl[7]];
      const resolved = resolve(mo!, d!, y, text, options);
      if (resolved) return { published: resolved.iso, text: line, place: null, outlet: null, year_from: resolved.from };
    }
  }
  return null;
}

function matchWire(line: string, text: string, options: DatelineOptions): Dateline | null {
  let m = WIRE_MF.exec(line);
  let parts: { place: string; mo: string; d: string; y?: string; outlet?: string; end: number } | null = null;
  if (m) parts = { place: m[1]!, mo: m[2]!, d: m[3]!, y: m[4], outlet: m[5], end: m[0].length };
  else {
    m = WIRE_DF.exec(line);
    if (m) parts = { place: m[1]!, d: m[2]!, mo: m[3]!, y: m[4], outlet: m[5], end: m[0].length };
  }
  if (!parts) return null;
  const resolved = resolve(parts.mo, parts.d, parts.y, text, options);
  if (!resolved) return null;
  return {
    published: resolved.iso,
    text: line.slice(0, parts.end).trim(),
    place: parts.place.trim().replace(/,$/, ''),
    outlet: parts.outlet?.trim() ?? null,
    year_from: resolved.from,
  };
}

function resolve(
  monthName: string,
  dayText: string,
  yearText: string | undefined,
  text: string,
  options: DatelineOptions,
): { iso: string; from: Dateline['year_from'] } | null {
  const mo = monthNumber(monthName);
  const d = Number(dayText);
  if (!mo) return null;
  let year: number | null = null;
  let from: Dateline['year_from'] = null;
  if (yearText) {
    year = Number(yearText);
    from = 'dateline';
  } else if (options.yearHint) {
    year = options.yearHint;
    from = 'hint';
  } else {
    year = latestYearIn(text, options.maxYear ?? new Date().getUTCFullYear());
    from = 'text';
  }
  if (!year || !isValidDay(year, mo, d)) return null;
  return { iso: isoDate(year, mo, d), from };
}

/** The latest four-digit year (1900–maxYear) written in the text, or null. */
export function latestYearIn(text: string, maxYear: number): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(/\b(19\d{2}|20\d{2})\b/g)) {
    const y = Number(m[1]);
    if (y <= maxYear && (best === null || y > best)) best = y;
  }
  return best;
}

/** A `YYYY-MM-DD` date at the start of a file name, used as a year hint and as metadata. */
export function dateFromFileName(path: string): string | null {
  const base = path.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?=[-_.\s]|$)/.exec(base);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
}

const NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{N}&'’.-]*|of|the|and|&|on)";
const OUTLET = `\\p{Lu}[\\p{L}\\p{N}&'’.-]*(?:\\s+${NAME_WORD}){0,5}`;
/** "By Ko Eun-ha, Tamna Island Times" (a writer, then the outlet, every word capitalised). */
const BYLINE = new RegExp(`^[*_]*By\\s+\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3},\\s+(${OUTLET})[*_]*$`, 'u');
/** "Yellow Sea Review — analysis": the outlet and a section label in lower case. */
const MASTHEAD = new RegExp(`^[*_]*(${OUTLET})\\s+[—–-]\\s+(?:analysis|opinion|commentary|comment|explainer|feature|editorial|news|interview|review)[*_]*$`, 'u');

/**
 * The outlet a byline or masthead line near the top names, when no dateline does.
 *
 * @example bylineOutlet('Headline\n\nBy Seo Yeon-woo, Pan-Asia Retail Journal\n\nText…') // → 'Pan-Asia Retail Journal'
 */
export function bylineOutlet(text: string): string | null {
  for (const raw of text.slice(0, 800).split('\n').slice(0, 8)) {
    const line = raw.trim();
    const m = BYLINE.exec(line) ?? MASTHEAD.exec(line);
    if (m) return m[1]!.trim();
  }
  return null;
}
