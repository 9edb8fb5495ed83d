/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',');
}

/** A CSV document with a header row from `columns`. */
export function toCsv(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const lines = [csvRow(columns)];
  for (const r of rows) lines.push(csvRow(columns.map((c) => r[c])));
  return `${lines.join('\n')}\n`;
}

/** One parsed CSV record with the physical line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parse RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). Blank lines are
 * skipped; each record keeps the line it starts on, for error messages.
 *
 * @example parseCsv('a,b\n1,"x, y"\n') // → [{line: 1, fields: ['a','b']}, {line: 2, fields: ['1','x, y']}]
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let done = false;
    while (!done) {
      if (i >= src.length) {
        if (quoted) throw new CsvSyntaxError('unterminated quoted field', startLine);
        fields.push(field);
        break;
      }
      const c = src[i]!;
      if (quoted) {
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
        continue;
      }
      if (c === '"' && field === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        field += c;
        i++;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

/** Records as objects keyed by the header row (trimmed, lower-cased names). */
export function csvObjects(text: string): { header: string[]; rows: Array<{ line: number; values: Record<string, string> }> } {
  const records = parseCsv(text);
  const head = records.shift();
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim().toLowerCase());
  const rows = records.map((r) => {
    if (r.fields.length > header.length) throw new CsvSyntaxError(`${r.fields.length} fields, but the header has ${header.length}`, r.line);
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = (r.fields[j] ?? '').trim()));
    return { line: r.line, values };
  });
  return { header, rows };
}
