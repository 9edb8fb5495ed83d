import { stringOption } from '../cli/command.js';
import { UsageError } from '../cli/io.js';
import { dateFlag } from '../cli/validate.js';
import type { Store } from '../store/db.js';
import { flattenQuote, selectQuotes, type QuoteFilter, type QuoteRow } from '../store/queries/quotes.js';
import type { Exporter } from './exporter.js';
import { QUOTE_EXPORT_OPTIONS } from './options.js';
import { writeRecords } from './records.js';

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


const CSV_COLUMNS = ['id', 'document_id', 'published', 'speaker', 'speaker_text', 'speaker_country', 'speaker_sector', 'speaker_id', 'direct', 'cue', 'source_outlet', 'text', 'sentence', 'start', 'end', 'rule'];

/** `bilat export --kind quotes`: every stored quote with its speaker and evidence, in full. */
export const quotesExporter: Exporter = {
  kind: 'quotes',
  description: 'direct and reported quotes with resolved speakers',
  formats: ['jsonl', 'json', 'csv'],
  options: {
    ...QUOTE_EXPORT_OPTIONS,
    country: { type: 'string', value: 'ISO3', description: "speaker's country" },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or before' },
  },
  async run(store, args, _io, format, write) {
    if (args.values.direct && args.values.reported) throw new UsageError('give --direct or --reported, not both');
    const country = stringOption(args, 'country')?.toUpperCase();
    if (country !== undefined && !/^[A-Z]{3}$/.test(country)) throw new UsageError(`--country must be an ISO 3166-1 alpha-3 code such as CHN (got "${country}")`);
    const filter: QuoteFilter = {
      speaker: stringOption(args, 'speaker'),
      country,
      direct: args.values.direct ? true : args.values.reported ? false : undefined,
      from: dateFlag('from', stringOption(args, 'from')),
      to: dateFlag('to', stringOption(args, 'to')),
    };
    return writeRecords(iterateQuotes(store, filter), format, write, { columns: CSV_COLUMNS, flatten: flattenQuote });
  },
};
