import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command, ParsedArgs } from '../command.js';
import { DB_OPTION, choice, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError, type CliIO } from '../io.js';
import { writeRows, type ListFormat } from '../output.js';
import { checkSubcommandFlags, countryCode } from '../subcommands.js';
import { FREQUENCIES, parseMonthSpan, type Frequency } from '../../series/period.js';
import type { Store } from '../../store/db.js';

const FLAGS: Record<string, string[]> = {
  import: ['name', 'unit', 'frequency', 'months', 'title', 'origin', 'destination', 'description', 'source', 'allow-gaps', 'replace'],
  list: ['format'],
  show: ['format'],
};

export const seriesCommand: Command = {
  name: 'series',
  summary: 'Indicator series: import CSV/JSON, list the catalogue (imported and derived from events), show one.',
  usage: 'bilat series import FILE --name NAME --unit UNIT --frequency month|quarter|year | import MANIFEST.yaml | list | show NAME [--format table|csv|json]',
  description: [
    'Actions:',
    '  import FILE        a .csv (columns period,value[,unit,source,note,derived,approximate]) or .json',
    '                     ([{period, value, …}] or {points: […]}) series; --name, --unit and --frequency are',
    '                     required. Periods must fit the frequency (2024-11, 2024-Q1, 2024), appear once and',
    '                     leave no gaps (unless --allow-gaps); a unit column must match --unit.',
    '  import FILE.yaml   a manifest listing several series files with their metadata (data/series/series.yaml)',
    '  list               the catalogue: imported series, and series derived from events for every pair',
    '                     found (events:SRC-DST, events:SRC-DST:CONTEXT; also :TYPE, :quad, :score_sum, :score_mean)',
    '  show NAME          the points of one series',
  ].join('\n'),
  options: {
    name: { type: 'string', value: 'NAME', description: 'series name: lower-case letters, digits, underscores' },
    unit: { type: 'string', value: 'UNIT', description: 'unit of the values, e.g. persons' },
    frequency: { type: 'string', value: FREQUENCIES.join('|'), description: 'period length' },
    months: { type: 'string', value: 'M-N', description: 'yearly values covering only months M to N (e.g. 1-8 for January–August)' },
    title: { type: 'string', value: 'TEXT', description: 'a readable title' },
    origin: { type: 'string', value: 'ISO3', description: 'for flows: the country travellers or goods come from' },
    destination: { type: 'string', value: 'ISO3', description: 'for flows: the country they go to' },
    description: { type: 'string', value: 'TEXT', description: 'what the series measures' },
    source: { type: 'string', value: 'TEXT', description: 'where the figures come from' },
    'allow-gaps': { type: 'boolean', description: 'accept missing periods (reported as warnings)' },
    replace: { type: 'boolean', description: 'overwrite a series with the same name' },
    format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)' },
    db: DB_OPTION,
  },
  examples: [
    'bilat series import data/series/series.yaml',
    'bilat series import arrivals.csv --name cn_visitors_korea --unit persons --frequency month --origin CHN --destination KOR',
    'bilat series list',
    'bilat series show kr_departures_china_monthly --format csv',
    'bilat series show events:CHN-KOR:culture',
  ],
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action) throw new UsageError(`give an action: ${Object.keys(FLAGS).join(', ')}`);
    checkSubcommandFlags('series', action, args, FLAGS);
    if (action === 'import') return importSeries(args, rest, io);
    if (action === 'list') return listSeries(args, rest, io);
    return showSeries(args, rest, io);
  },
};

interface ImportSpec {
  file: string;
  display: string;
  name: string;
  unit: string;
  frequency: Frequency;
  months: string | null;
  title: string | null;
  origin: string | null;
  destination: string | null;
  description: string | null;
  source: string | null;
  allowGaps: boolean;
}

function specFromFlags(args: ParsedArgs, file: string, io: CliIO): ImportSpec {
  const name = stringOption(args, 'name');
  const unit = stringOption(args, 'unit');
  const frequency = stringOption(args, 'frequency');
  const missing = [!name && '--name', !unit && '--unit', !frequency && '--frequency'].filter(Boolean);
  if (missing.length) throw new UsageError(`importing ${file} needs ${missing.join(', ')} (or use a .yaml manifest that gives them)`);
  if (!/^[a-z][a-z0-9_]*$/.test(name!)) throw new UsageError(`--name must be lower-case letters, digits and underscores, starting with a letter (got "${name}")`);
  const freq = choice(args, 'frequency', FREQUENCIES, 'month');
  const months = stringOption(args, 'months');
  if (months !== undefined) {
    if (freq !== 'year') throw new UsageError('--months applies to yearly series only (--frequency year)');
    if (!parseMonthSpan(months)) throw new UsageError(`--months must be a span of months such as 1-8 (got "${months}")`);
  }
  const country = (flagName: string) => {
    const v = stringOption(args, flagName);
    return v === undefined ? null : countryCode(`--${flagName}`, v);
  };
  return {
    file: resolve(io.cwd, file),
    display: file,
    name: name!,
    unit: unit!,
    frequency: freq,
    months: months ?? null,
    title: stringOption(args, 'title') ?? null,
    origin: country('origin'),
    destination: country('destination'),
    description: stringOption(args, 'description') ?? null,
    source: stringOption(args, 'source') ?? null,
    allowGaps: flag(args, 'allow-gaps'),
  };
}

async function importOne(store: Store, spec: ImportSpec, replace: boolean, io: CliIO): Promise<boolean> {
  const { readSeriesFile } = await import('../../series/read-file.js');
  const { FileProblems, formatProblem } = await import('../../util/file-problems.js');
  const { saveSeries, SeriesError } = await import('../../store/queries/series.js');
  try {
    const text = readFileSync(spec.file, 'utf8');
    const months = spec.months ? parseMonthSpan(spec.months) : null;
    const { points, warnings } = readSeriesFile(text, { file: spec.display, frequency: spec.frequency, unit: spec.unit, months, allowGaps: spec.allowGaps });
    for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
    const status = await saveSeries(
      store,
      { name: spec.name, title: spec.title, unit: spec.unit, frequency: spec.frequency, months: spec.months, origin_country: spec.origin, destination_country: spec.destination, description: spec.description, source: spec.source, imported_from: spec.display },
      points,
      { replace, now: io.now().toISOString() },
    );
    const derived = points.filter((p) => p.derived).length;
    io.stderr.write(`series: ${spec.name}: ${points.length} point(s) ${points[0]?.period ?? ''}…${points[points.length - 1]?.period ?? ''}${derived ? `, ${derived} derived` : ''} (${status})\n`);
    return true;
  } catch (err) {
    if (err instanceof FileProblems) for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
    else if (err instanceof SeriesError) io.stderr.write(`${spec.display}: ${err.message}\n`);
    else if ((err as NodeJS.ErrnoException).code === 'ENOENT') io.stderr.write(`${spec.display}: no such file\n`);
    else throw err;
    io.stderr.write(`series: ${spec.name} not imported\n`);
    return false;
  }
}

async function importSeries(args: ParsedArgs, files: string[], io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError('give one FILE (.csv, .json, or a .yaml manifest)');
  const file = files[0]!;
  const replace = flag(args, 'replace');
  let specs: ImportSpec[];
  if (/\.ya?ml$/i.test(file)) {
    const metaFlags = FLAGS.import!.filter((f) => f !== 'replace' && args.values[f] !== undefined);
    if (metaFlags.length) throw new UsageError(`--${metaFlags[0]} cannot be combined with a manifest; the manifest gives each series' metadata`);
    const { readSeriesManifest } = await import('../../series/manifest.js');
    const { FileProblems, formatProblem } = await import('../../util/file-problems.js');
    const path = resolve(io.cwd, file);
    try {
      const entries = readSeriesManifest(readFileSync(path, 'utf8'), file);
      specs = entries.map((e) => {
        const months = e.months ?? null;
        if (months && (e.frequency !== 'year' || !parseMonthSpan(months))) throw new FileProblems([{ file, line: null, message: `${e.name}: months "${months}" needs frequency year and a span such as 1-8` }]);
        const target = resolve(dirname(path), e.file);
        return { file: target, display: relative(io.cwd, target) || target, name: e.name, unit: e.unit, frequency: e.frequency, months, title: e.title ?? null, origin: e.origin ?? null, destination: e.destination ?? null, description: e.description ?? null, source: e.source ?? null, allowGaps: e.allow_gaps ?? false };
      });
    } catch (err) {
      if (err instanceof FileProblems) {
        for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
        return EXIT.failed;
      }
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CommandError(`${file}: no such file`);
      throw err;
    }
  } else {
    specs = [specFromFlags(args, file, io)];
  }
  return withStore(args, io, async (store) => {
    let failed = 0;
    for (const spec of specs) if (!(await importOne(store, spec, replace, io))) failed++;
    return failed ? EXIT.failed : EXIT.ok;
  });
}

async function listSeries(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const format = choice(args, 'format', ['table', 'csv', 'json'] as const, 'table');
  const { selectCatalogue } = await import('../../store/queries/series.js');
  const rows = await withStore(args, io, (store) => selectCatalogue(store));
  writeRows(io, rows as unknown as Array<Record<string, unknown>>, ['name', 'kind', 'unit', 'frequency', 'months', 'origin_country', 'destination_country', 'points', 'first', 'last', 'title'], format as ListFormat);
  if (format === 'table') io.stderr.write(`${rows.length} series (${rows.filter((r) => r.kind === 'derived').length} derived from events)\n`);
  return EXIT.ok;
}

async function showSeries(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const [name, ...extra] = rest;
  if (!name) throw new UsageError('give a series NAME (see `bilat series list`)');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = choice(args, 'format', ['table', 'csv', 'json'] as const, 'table');
  const { selectSeries, SeriesError } = await import('../../store/queries/series.js');
  const series = await withStore(args, io, async (store) => {
    try {
      return await selectSeries(store, name);
    } catch (err) {
      if (err instanceof SeriesError) throw new CommandError(err.message);
      throw err;
    }
  });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
    return EXIT.ok;
  }
  const m = series.meta;
  if (format === 'table') {
    io.stdout.write(`${m.name} (${m.kind}): ${m.title ?? ''}\n  unit ${m.unit}, ${m.frequency}${m.months ? ` (each value covers months ${m.months})` : ''}${m.origin_country ? `, ${m.origin_country} → ${m.destination_country ?? '?'}` : ''}\n${m.source ? `  source: ${m.source}\n` : ''}\n`);
  }
  writeRows(io, series.points as unknown as Array<Record<string, unknown>>, ['period', 'value', 'derived', 'approximate', 'note', 'source'], format as ListFormat);
  return EXIT.ok;
}
