import type { Store } from '../store/db.js';
import { selectStatistics, type StatisticFilter, type StatisticRow } from '../store/queries/statistics.js';

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

/** Registration record for `bilat export`. */
export const statisticsExporter = {
  id: 'statistics',
  description: 'statistics with unit, measure, period, change and arithmetic checks (JSON Lines)',
  extension: 'jsonl',
  run: exportStatistics,
};
