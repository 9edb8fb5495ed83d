import type { Command } from '../command.js';
import { DB_OPTION, FORMAT_OPTION, choice, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { LIST_FORMATS, writeRows } from '../output.js';
import { dateFlag, intFlag } from '../validate.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'List extracted quotes (direct and reported speech) with their speakers.',
  usage: 'bilat quotes [--speaker NAME|ACTOR_ID] [--country ISO3] [--direct|--reported] [--from D --to D] [--limit N] [--format table|json|csv|jsonl]',
  description: 'Speakers are resolved to actors when the gazetteer knows them (docs/quotes.md); outlets cited as sources are in source_outlet.',
  options: {
    speaker: { type: 'string', value: 'NAME|ACTOR_ID', description: 'speaker name contains NAME (any case), or the actor id is ACTOR_ID' },
    country: { type: 'string', value: 'ISO3', description: "speaker's country, e.g. CHN" },
    direct: { type: 'boolean', description: 'only direct quotes' },
    reported: { type: 'boolean', description: 'only reported speech' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or before' },
    limit: { type: 'string', value: 'N', description: 'at most N quotes (default 1000)' },
    cursor: { type: 'string', value: 'C', description: 'continue after this id' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    db: DB_OPTION,
  },
  examples: ['bilat quotes --speaker "Wang Yi"', 'bilat quotes --country KOR --direct --format jsonl'],
  async run(args, io) {
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (args.values.direct && args.values.reported) throw new UsageError('give --direct or --reported, not both');
    const country = stringOption(args, 'country')?.toUpperCase();
    if (country !== undefined && !/^[A-Z]{3}$/.test(country)) throw new UsageError(`--country must be an ISO 3166-1 alpha-3 code such as CHN (got "${country}")`);
    const filter = {
      speaker: stringOption(args, 'speaker'),
      country,
      direct: args.values.direct ? true : args.values.reported ? false : undefined,
      from: dateFlag('from', stringOption(args, 'from')),
      to: dateFlag('to', stringOption(args, 'to')),
      cursor: stringOption(args, 'cursor'),
      limit: intFlag('limit', stringOption(args, 'limit'), 1000, 1, 10_000),
    };
    const { selectQuotes, flattenQuote } = await import('../../store/queries/quotes.js');
    const page = await withStore(args, io, (store) => selectQuotes(store, filter));
    const rows = format === 'json' || format === 'jsonl' ? (page.rows as unknown as Array<Record<string, unknown>>) : page.rows.map(flattenQuote);
    writeRows(io, rows, ['published', 'speaker', 'speaker_country', 'direct', 'cue', 'text'], format);
    if (format === 'table') io.stderr.write(`${page.rows.length} quote(s)${page.next_cursor ? `; more with --cursor ${page.next_cursor}` : ''}\n`);
    return EXIT.ok;
  },
};
