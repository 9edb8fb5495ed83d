import type { Command } from '../command.js';
import { DB_OPTION, FORMAT_OPTION, choice, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { LIST_FORMATS, writeRows } from '../output.js';
import { dateFlag, intFlag } from '../validate.js';

export const statisticsCommand: Command = {
  name: 'statistics',
  summary: 'List extracted statistics; --inconsistent shows those whose arithmetic does not add up.',
  usage: 'bilat statistics [--measure TEXT] [--unit U] [--inconsistent] [--from D --to D] [--limit N] [--cursor C] [--format table|json|csv|jsonl]',
  description:
    'Each statistic has its value, unit, what it measures, its period and any change with the check of its arithmetic ' +
    '(docs/statistics.md). --from/--to select statistics whose period overlaps the dates. json and jsonl keep every field, ' +
    'with the evidence sentence and offsets.',
  options: {
    measure: { type: 'string', value: 'TEXT', description: 'measure contains TEXT (any case)' },
    unit: { type: 'string', value: 'U', description: 'only this unit (persons, visitors, USD, percent, …)' },
    inconsistent: { type: 'boolean', description: 'only statistics whose numbers do not add up' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'period ends on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'period starts on or before' },
    limit: { type: 'string', value: 'N', description: 'at most N statistics (default 1000)' },
    cursor: { type: 'string', value: 'C', description: 'continue after this id (the last id of the previous page)' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    db: DB_OPTION,
  },
  examples: ['bilat statistics --measure visa-free', 'bilat statistics --inconsistent', 'bilat statistics --unit persons --from 2024-01-01 --format csv > stats.csv'],
  async run(args, io) {
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const filter = {
      measure: stringOption(args, 'measure'),
      unit: stringOption(args, 'unit'),
      inconsistent: flag(args, 'inconsistent') || undefined,
      from: dateFlag('from', stringOption(args, 'from')),
      to: dateFlag('to', stringOption(args, 'to')),
      cursor: stringOption(args, 'cursor'),
      limit: intFlag('limit', stringOption(args, 'limit'), 1000, 1, 10_000),
    };
    const { selectStatistics, flattenStatistic } = await import('../../store/queries/statistics.js');
    const page = await withStore(args, io, (store) => selectStatistics(store, filter));
    const rows = format === 'json' || format === 'jsonl' ? (page.rows as unknown as Array<Record<string, unknown>>) : page.rows.map(flattenStatistic);
    const columns = filter.inconsistent ? ['id', 'value', 'unit', 'previous', 'failed_checks', 'start', 'sentence'] : ['published', 'value', 'unit', 'measure', 'period', 'change_pct', 'previous', 'consistent'];
    writeRows(io, rows, columns, format);
    if (format === 'table') io.stderr.write(`${page.rows.length} statistic(s)${page.next_cursor ? `; more with --cursor ${page.next_cursor}` : ''}\n`);
    return EXIT.ok;
  },
};
