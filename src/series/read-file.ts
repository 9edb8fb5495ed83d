import { csvObjects, CsvSyntaxError } from '../util/csv.js';
import { FileProblems, type FileProblem } from '../util/file-problems.js';
import { missingPeriods, parsePeriod, PERIOD_FORMS, type Frequency, type MonthSpan } from './period.js';
import type { SeriesPoint } from './types.js';

export interface SeriesReadOptions {
  file: string;
  frequency: Frequency;
  unit: string;
  months: MonthSpan | null;
  /** Accept missing periods between the first and the last (they are reported as warnings). */
  allowGaps: boolean;
}

export interface SeriesReadResult {
  points: SeriesPoint[];
  /** Problems that did not stop the import (gaps when allowed). */
  warnings: string[];
}

interface RawRow {
  /** Line (CSV) or position (`points[3]`, JSON) for messages. */
  where: { line: number | null; path: string };
  values: Record<string, unknown>;
}

const COLUMNS = ['period', 'value', 'unit', 'source', 'note', 'derived', 'approximate'];
const TRUE = new Set(['true', 'yes', '1', 'derived', 'approximate', 'y']);
const FALSE = new Set(['false', 'no', '0', '', 'n']);

function flagValue(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  const s = String(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

function numberValue(v: unknown): number | string {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'is not a finite number';
  const s = String(v ?? '').trim();
  if (s === '') return 'is empty (leave the period out instead of writing an empty value)';
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return `"${s}" has thousands separators; write ${s.replace(/,/g, '')}`;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return `"${s}" is not a number`;
  return Number(s);
}

/**
 * Validate rows of a series: each period must fit the frequency, appear once and carry a
 * number; a `unit` column must agree with the series unit; missing periods are errors unless
 * allowed. Every problem is collected, not just the first.
 */
function validateRows(rows: RawRow[], options: SeriesReadOptions): SeriesReadResult {
  const problems: FileProblem[] = [];
  const at = (r: RawRow, message: string) => problems.push({ file: options.file, line: r.where.line, message: r.where.line ? message : `${r.where.path}: ${message}` });
  const seen = new Map<string, RawRow>();
  const points: Array<SeriesPoint & { index: number }> = [];
  for (const r of rows) {
    const label = String(r.values.period ?? '').trim();
    const period = parsePeriod(label, options.frequency, options.months);
    if (!period) {
      at(r, label ? `period "${label}" is not a ${options.frequency}: write ${PERIOD_FORMS[options.frequency]}` : 'period is empty');
      continue;
    }
    const first = seen.get(period.label);
    if (first) {
      at(r, `period ${period.label} appears twice (first ${first.where.line ? `on line ${first.where.line}` : `at ${first.where.path}`})`);
      continue;
    }
    seen.set(period.label, r);
    const value = numberValue(r.values.value);
    if (typeof value === 'string') {
      at(r, `value ${value}`);
      continue;
    }
    const unit = r.values.unit === undefined ? '' : String(r.values.unit).trim();
    if (unit && unit !== options.unit) at(r, `unit "${unit}" differs from the series unit "${options.unit}"`);
    const derived = flagValue(r.values.derived);
    const approximate = flagValue(r.values.approximate);
    if (derived === null) at(r, `derived must be true or false (got "${String(r.values.derived)}")`);
    if (approximate === null) at(r, `approximate must be true or false (got "${String(r.values.approximate)}")`);
    const text = (k: string) => (r.values[k] === undefined || r.values[k] === null || String(r.values[k]).trim() === '' ? null : String(r.values[k]).trim());
    points.push({ period: period.label, period_start: period.start, period_end: period.end, value, derived: derived ?? false, approximate: approximate ?? false, note: text('note'), source: text('source'), index: period.index });
  }
  if (!rows.length) problems.push({ file: options.file, line: null, message: 'no data rows' });
  const missing = missingPeriods(points.map((p) => p.index), options.frequency, options.months);
  const warnings: string[] = [];
  if (missing.length) {
    const list = `${missing.slice(0, 12).join(', ')}${missing.length > 12 ? `, … (${missing.length} in all)` : ''}`;
    if (options.allowGaps) warnings.push(`${options.file}: ${missing.length} missing period(s): ${list}`);
    else problems.push({ file: options.file, line: null, message: `${missing.length} missing period(s) between the first and last: ${list} (add them, or pass --allow-gaps if the source has none)` });
  }
  if (problems.length) throw new FileProblems(problems);
  return { points: points.sort((a, b) => a.index - b.index).map(({ index: _i, ...p }) => p), warnings };
}

/**
 * Read a series from CSV: a header with `period` and `value`, optionally `unit`, `source`,
 * `note`, `derived`, `approximate`.
 *
 * @throws FileProblems
 */
export function readSeriesCsv(text: string, options: SeriesReadOptions): SeriesReadResult {
  let table: ReturnType<typeof csvObjects>;
  try {
    table = csvObjects(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new FileProblems([{ file: options.file, line: err.line, message: `CSV syntax: ${err.message}` }]);
    throw err;
  }
  const missing = ['period', 'value'].filter((c) => !table.header.includes(c));
  const unknown = table.header.filter((h) => !COLUMNS.includes(h));
  const problems: FileProblem[] = [];
  if (missing.length) problems.push({ file: options.file, line: 1, message: `missing column(s): ${missing.join(', ')}` });
  if (unknown.length) problems.push({ file: options.file, line: 1, message: `unknown column(s): ${unknown.join(', ')} (expected ${COLUMNS.join(', ')})` });
  if (problems.length) throw new FileProblems(problems);
  return validateRows(table.rows.map((r) => ({ where: { line: r.line, path: '' }, values: r.values })), options);
}

/**
 * Read a series from JSON: an array of `{period, value, …}` objects, or `{points: [...]}`.
 *
 * @throws FileProblems
 */
export function readSeriesJson(text: string, options: SeriesReadOptions): SeriesReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FileProblems([{ file: options.file, line: null, message: `JSON syntax: ${(err as Error).message}` }]);
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { points?: unknown }).points) ? (data as { points: unknown[] }).points : null;
  if (!list) throw new FileProblems([{ file: options.file, line: null, message: 'expected an array of {period, value} objects, or an object with a "points" array' }]);
  const prefix = Array.isArray(data) ? '' : 'points';
  const rows: RawRow[] = [];
  const problems: FileProblem[] = [];
  list.forEach((item, i) => {
    const path = `${prefix}[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ file: options.file, line: null, message: `${path}: expected an object with period and value` });
      return;
    }
    const unknown = Object.keys(item).filter((k) => !COLUMNS.includes(k));
    if (unknown.length) problems.push({ file: options.file, line: null, message: `${path}: unknown field(s) ${unknown.join(', ')}` });
    rows.push({ where: { line: null, path }, values: item as Record<string, unknown> });
  });
  if (problems.length) throw new FileProblems(problems);
  return validateRows(rows, options);
}

export function readSeriesFile(text: string, options: SeriesReadOptions): SeriesReadResult {
  if (/\.json$/i.test(options.file)) return readSeriesJson(text, options);
  if (/\.csv$/i.test(options.file)) return readSeriesCsv(text, options);
  throw new FileProblems([{ file: options.file, line: null, message: 'unsupported file type: use .csv or .json (or a .yaml manifest)' }]);
}
