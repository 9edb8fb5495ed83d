import { csvRow } from '../util/csv.js';

/**
 * Write records one by one in jsonl, json or csv (header first), the way every `bilat export`
 * kind does. Returns how many records were written.
 */
export async function writeRecords<T>(
  rows: AsyncIterable<T>,
  format: string,
  write: (chunk: string) => void,
  csv: { columns: string[]; flatten: (row: T) => Record<string, unknown> },
): Promise<number> {
  let n = 0;
  if (format === 'csv') write(`${csvRow(csv.columns)}\n`);
  if (format === 'json') write('[');
  for await (const row of rows) {
    if (format === 'csv') {
      const flat = csv.flatten(row);
      write(`${csvRow(csv.columns.map((c) => flat[c]))}\n`);
    } else if (format === 'json') write(`${n ? ',' : ''}\n${JSON.stringify(row)}`);
    else write(`${JSON.stringify(row)}\n`);
    n++;
  }
  if (format === 'json') write(`${n ? '\n' : ''}]\n`);
  return n;
}
