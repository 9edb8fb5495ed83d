import { flag, stringOption } from '../cli/command.js';
import { UsageError } from '../cli/io.js';
import { dateFlag } from '../cli/validate.js';
import type { Store } from '../store/db.js';
import { flattenStatistic, selectStatistics, type StatisticFilter, type StatisticRow } from '../store/queries/statistics.js';
import type { Exporter } from './exporter.js';
import { STATISTIC_EXPORT_OPTIONS } from './options.js';
import { writeRecords } from './records.js';

/** Every statistic matching the filter, page by page. */
export async function* iterateStatistics(store: Store, filter: StatisticFilter = {}): AsyncGenerator<StatisticRow> {
  let cursor: string | undefined = filter.cursor;
  do {
    const page = await selectStatistics(store, { ...filter, cursor, limit: filter.limit ?? 1000 });
    yield* page.rows;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * Write statistics as JSON Lines (one contract record a line, with `document_id`), for
 * `bilat export`. Returns the number of lines written.
 *
 * @example await exportStatistics(store, { write: (s) => process.stdout.write(s) }, { unit: 'persons' });
 */
export async function exportStatistics(store: Store, out: { write(chunk: string): unknown }, filter: StatisticFilter = {}): Promise<number> {
  let n = 0;
  for await (const row of iterateStatistics(store, filter)) {
    out.write(`${JSON.stringify(row)}\n`);
    n++;
  }
  return n;
}


const CSV_COLUMNS = ['id', 'document_id', 'published', 'value', 'text', 'unit', 'hedge', 'measure', 'subject', 'period', 'change_pct', 'change_abs', 'previous', 'computed_pct', 'share_pct', 'consistent', 'failed_checks', 'sentence', 'start', 'end', 'rule'];

/** `bilat export --kind statistics`: every stored statistic with its evidence, in full. */
export const statisticsExporter: Exporter = {
  kind: 'statistics',
  description: 'statistics with unit, measure, period, change and arithmetic checks',
  formats: ['jsonl', 'json', 'csv'],
  options: {
    ...STATISTIC_EXPORT_OPTIONS,
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'period ends on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'period starts on or before' },
  },
  async run(store, args, _io, format, write) {
    const filter: StatisticFilter = {
      measure: stringOption(args, 'measure'),
      unit: stringOption(args, 'unit'),
      inconsistent: flag(args, 'inconsistent') || undefined,
      from: dateFlag('from', stringOption(args, 'from')),
      to: dateFlag('to', stringOption(args, 'to')),
    };
    if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
    return writeRecords(iterateStatistics(store, filter), format, write, { columns: CSV_COLUMNS, flatten: flattenStatistic });
  },
};
