import { toCsv } from '../util/csv.js';
import type { CliIO } from './io.js';

export type ListFormat = 'table' | 'json' | 'csv' | 'jsonl';
export const LIST_FORMATS: ListFormat[] = ['table', 'json', 'csv', 'jsonl'];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).replace(/\s+/g, ' ');
}

/** A plain text table; long cells are cut to `maxWidth` characters with an ellipsis. */
export function renderTable(rows: Array<Record<string, unknown>>, columns: string[], maxWidth = 48): string {
  const cells = rows.map((r) => columns.map((c) => {
    const s = cell(r[c]);
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  }));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** Write rows to stdout in the chosen format. `table` shows `columns`; the others keep every field. */
export function writeRows(io: CliIO, rows: Array<Record<string, unknown>>, columns: string[], format: ListFormat): void {
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      break;
    case 'jsonl':
      for (const r of rows) io.stdout.write(`${JSON.stringify(r)}\n`);
      break;
    case 'csv': {
      const all = rows.length ? Object.keys(rows[0]!) : columns;
      io.stdout.write(toCsv(rows, all));
      break;
    }
    default:
      io.stdout.write(rows.length ? renderTable(rows, columns) : '(none)\n');
  }
}
