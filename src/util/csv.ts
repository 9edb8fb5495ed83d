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
