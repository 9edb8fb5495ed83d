import type { Store } from '../store/db.js';
import { selectQuotes, type QuoteFilter, type QuoteRow } from '../store/queries/quotes.js';

/** Every quote matching the filter, page by page. */
export async function* iterateQuotes(store: Store, filter: QuoteFilter = {}): AsyncGenerator<QuoteRow> {
  let cursor: string | undefined = filter.cursor;
  do {
    const page = await selectQuotes(store, { ...filter, cursor, limit: filter.limit ?? 1000 });
    yield* page.rows;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * Write quotes as JSON Lines (one contract record a line, with `document_id`), for
 * `bilat export`. Returns the number of lines written.
 *
 * @example await exportQuotes(store, { write: (s) => process.stdout.write(s) }, { country: 'CHN' });
 */
export async function exportQuotes(store: Store, out: { write(chunk: string): unknown }, filter: QuoteFilter = {}): Promise<number> {
  let n = 0;
  for await (const row of iterateQuotes(store, filter)) {
    out.write(`${JSON.stringify(row)}\n`);
    n++;
  }
  return n;
}

/** Registration record for `bilat export`. */
export const quotesExporter = {
  id: 'quotes',
  description: 'direct and reported quotes with resolved speakers (JSON Lines)',
  extension: 'jsonl',
  run: exportQuotes,
};
