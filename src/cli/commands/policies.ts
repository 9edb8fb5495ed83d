import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command, ParsedArgs } from '../command.js';
import { DB_OPTION, choice, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError, type CliIO } from '../io.js';
import { writeRows, type ListFormat } from '../output.js';
import { betweenPair, checkSubcommandFlags, countryCode } from '../subcommands.js';
import { dateFlag } from '../validate.js';
import { POLICY_KINDS, type PolicyInstrument } from '../../policy/types.js';

const FLAGS: Record<string, string[]> = {
  import: [],
  export: ['format', 'between', 'country'],
  list: ['format', 'between', 'country', 'kind'],
  show: ['format'],
  at: ['format', 'between', 'as-of'],
  candidates: ['format', 'status', 'no-scan'],
  accept: ['instrument', 'effective-from', 'title'],
  reject: ['reason'],
};

export const policiesCommand: Command = {
  name: 'policies',
  summary: 'Policy registry: import, export, list, show, what was in force, and candidates from events.',
  usage: 'bilat policies import FILE… | export [--format yaml|csv] | list | show ID | at DATE [--between A B] [--as-of K] | candidates | accept ID [--instrument ID] | reject ID',
  description: [
    'Actions:',
    '  import FILE…       read YAML or CSV policy files (see docs/policies.md); each file is checked whole and',
    '                     stored in one transaction, or reported with file:line and skipped',
    '  export             print the registry as a policy file (YAML is lossless; CSV is one row per version)',
    '  list               instruments, one per row',
    '  show ID            one instrument with its versions, conditions and sources',
    '  at DATE            versions in force on DATE; --as-of K counts only what was public on K',
    '  candidates         propose policy changes from stored CONCEDE/SANCTION/COERCE events with visa, ban,',
    '                     tariff or restriction cues, and list them; nothing enters the registry until accepted',
    '  accept CANDIDATE   add the candidate as a new instrument, or as a version of --instrument ID',
    '  reject CANDIDATE   mark the candidate rejected (--reason TEXT)',
  ].join('\n'),
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'table|json|csv (list, at, candidates); text|json|yaml (show); yaml|csv (export)' },
    between: { type: 'string', value: 'A B', description: 'two ISO3 country codes: instruments issued by one that apply to the other' },
    country: { type: 'string', value: 'ISO3', description: 'instruments issued by or applying to this country' },
    kind: { type: 'string', value: 'KIND', description: `only this kind: ${POLICY_KINDS.join(', ')}` },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', description: 'knowledge date: ignore versions not yet public on this day' },
    status: { type: 'string', value: 'STATUS', description: 'candidates to list: pending (default), accepted, rejected, all' },
    'no-scan': { type: 'boolean', description: 'list candidates without scanning events for new ones' },
    instrument: { type: 'string', value: 'ID', description: 'accept: add the version to this existing instrument' },
    'effective-from': { type: 'string', value: 'YYYY-MM-DD', description: 'accept: the date the change takes effect (when the event gives no exact day)' },
    title: { type: 'string', value: 'TEXT', description: 'accept: title of the new instrument' },
    reason: { type: 'string', value: 'TEXT', description: 'reject: why' },
    db: DB_OPTION,
  },
  examples: [
    'bilat policies import data/policies/*.yaml',
    'bilat policies at 2025-01-15 --between CHN KOR',
    'bilat policies at 2025-06-01 --between CHN KOR --as-of 2024-11-05',
    'bilat policies show cn-visa-free-kor',
    'bilat policies export --format csv > policies.csv',
    'bilat policies candidates',
    'bilat policies accept pc-1a2b3c4d5e6f --instrument cn-visa-free-kor',
  ],
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action) throw new UsageError(`give an action: ${Object.keys(FLAGS).join(', ')}`);
    checkSubcommandFlags('policies', action, args, FLAGS);
    switch (action) {
      case 'import':
        return importFiles(args, rest, io);
      case 'export':
        return exportRegistry(args, rest, io);
      case 'list':
        return listInstruments(args, rest, io);
      case 'show':
        return showInstrument(args, rest, io);
      case 'at':
        return inForceAt(args, rest, io);
      case 'candidates':
        return listCandidates(args, rest, io);
      case 'accept':
        return accept(args, rest, io);
      default:
        return reject(args, rest, io);
    }
  },
};

function noExtra(rest: string[], what: string): void {
  if (rest.length) throw new UsageError(`unexpected argument(s) ${rest.map((r) => `"${r}"`).join(' ')} for ${what}`);
}

async function importFiles(args: ParsedArgs, files: string[], io: CliIO): Promise<number> {
  if (!files.length) throw new UsageError('give at least one policy FILE (.yaml, .yml or .csv)');
  const { readPolicyFile } = await import('../../policy/read-file.js');
  const { FileProblems, formatProblem } = await import('../../util/file-problems.js');
  const { saveInstruments } = await import('../../store/queries/policies.js');
  const today = io.now().toISOString().slice(0, 10);
  let failed = 0;
  return withStore(args, io, async (store) => {
    for (const file of files) {
      let instruments: PolicyInstrument[];
      try {
        const text = readFileSync(resolve(io.cwd, file), 'utf8');
        instruments = readPolicyFile(text, { file, today });
      } catch (err) {
        failed++;
        if (err instanceof FileProblems) for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
        else io.stderr.write(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
        io.stderr.write(`policies: ${file} skipped; nothing from it was stored\n`);
        continue;
      }
      const s = await saveInstruments(store, instruments);
      const versions = instruments.reduce((n, i) => n + i.versions.length, 0);
      io.stderr.write(`policies: ${file}: ${instruments.length} instrument(s), ${versions} version(s): ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged\n`);
    }
    return failed ? EXIT.failed : EXIT.ok;
  });
}

function countryFilter(args: ParsedArgs, rest: string[]) {
  const { pair, rest: left } = betweenPair(stringOption(args, 'between'), rest);
  const c = stringOption(args, 'country');
  return { between: pair, country: c ? countryCode('--country', c) : undefined, rest: left };
}

async function exportRegistry(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const format = choice(args, 'format', ['yaml', 'csv'] as const, 'yaml');
  const filter = countryFilter(args, rest);
  noExtra(filter.rest, 'export');
  const { selectInstruments } = await import('../../store/queries/policies.js');
  const { writePolicyYaml, writePolicyCsv } = await import('../../policy/write-file.js');
  const instruments = await withStore(args, io, (store) => selectInstruments(store, { between: filter.between, country: filter.country }));
  io.stdout.write(format === 'csv' ? writePolicyCsv(instruments) : writePolicyYaml(instruments));
  io.stderr.write(`policies: exported ${instruments.length} instrument(s)\n`);
  return EXIT.ok;
}

const TABLE_FORMATS = ['table', 'json', 'csv'] as const;

async function listInstruments(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const format = choice(args, 'format', TABLE_FORMATS, 'table');
  const filter = countryFilter(args, rest);
  noExtra(filter.rest, 'list');
  const kind = stringOption(args, 'kind');
  if (kind && !(POLICY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${POLICY_KINDS.join(', ')} (got "${kind}")`);
  const { selectInstruments, toListRow } = await import('../../store/queries/policies.js');
  const instruments = await withStore(args, io, (store) => selectInstruments(store, { between: filter.between, country: filter.country, kind: kind as PolicyInstrument['kind'] | undefined }));
  const rows = instruments.map(toListRow);
  writeRows(io, rows as unknown as Array<Record<string, unknown>>, ['id', 'issuer', 'beneficiaries', 'kind', 'formal', 'first_effective', 'last_effective_to', 'versions', 'title'], format as ListFormat);
  if (format === 'table') io.stderr.write(`${rows.length} instrument(s)\n`);
  return EXIT.ok;
}

async function showInstrument(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const [id, ...extra] = rest;
  if (!id) throw new UsageError('give an instrument ID (see `bilat policies list`)');
  noExtra(extra, 'show');
  const format = choice(args, 'format', ['text', 'json', 'yaml'] as const, 'text');
  const { findInstrument } = await import('../../store/queries/policies.js');
  const instrument = await withStore(args, io, (store) => findInstrument(store, id));
  if (!instrument) throw new CommandError(`no instrument with id "${id}" (see \`bilat policies list\`)`);
  if (format === 'json') io.stdout.write(`${JSON.stringify(instrument, null, 2)}\n`);
  else if (format === 'yaml') io.stdout.write((await import('../../policy/write-file.js')).writePolicyYaml([instrument]));
  else io.stdout.write((await import('../../policy/render.js')).renderInstrumentText(instrument));
  return EXIT.ok;
}

async function inForceAt(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const { pair, rest: left } = betweenPair(stringOption(args, 'between'), rest);
  const [date, ...extra] = left;
  if (!date) throw new UsageError('give a DATE: bilat policies at YYYY-MM-DD [--between A B]');
  noExtra(extra, 'at');
  dateFlag('date', date);
  const asOf = dateFlag('as-of', stringOption(args, 'as-of'));
  const format = choice(args, 'format', TABLE_FORMATS, 'table');
  const { selectInForce } = await import('../../store/queries/policies.js');
  const { inForceRow } = await import('../../policy/render.js');
  const found = await withStore(args, io, (store) => selectInForce(store, { date, asOf, between: pair }));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(found.map((f) => ({ instrument: { ...f.instrument, versions: undefined }, version: f.version })), null, 2)}\n`);
  } else {
    writeRows(io, found.map(inForceRow), ['version', 'kind', 'issuer', 'beneficiaries', 'formal', 'in_force', 'conditions', 'source'], format as ListFormat);
  }
  const scope = pair ? ` between ${pair[0]} and ${pair[1]}` : '';
  io.stderr.write(`${found.length} version(s) in force on ${date}${scope}${asOf ? `, as known on ${asOf}` : ''}\n`);
  return EXIT.ok;
}

async function listCandidates(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  noExtra(rest, 'candidates');
  const status = choice(args, 'status', ['pending', 'accepted', 'rejected', 'all'] as const, 'pending');
  const format = choice(args, 'format', TABLE_FORMATS, 'table');
  const { proposeCandidates, selectCandidates } = await import('../../store/queries/policy-candidates.js');
  const { loadCueRules } = await import('../../policy/candidates.js');
  const { dataDir } = await import('../../knowledge/paths.js');
  const { join } = await import('node:path');
  const { candidateRow } = await import('../../policy/render.js');
  return withStore(args, io, async (store) => {
    if (!flag(args, 'no-scan')) {
      const added = await proposeCandidates(store, loadCueRules(join(dataDir(io.env), 'lexicon', 'policy-cues.yaml')), io.now().toISOString());
      io.stderr.write(`policies: ${added} new candidate(s) from stored events\n`);
    }
    const rows = await selectCandidates(store, status);
    if (format === 'json') io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else writeRows(io, rows.map(candidateRow), ['id', 'status', 'event_type', 'rule', 'change', 'kind', 'countries', 'date', 'evidence'], format as ListFormat);
    if (format === 'table') io.stderr.write(`${rows.length} ${status === 'all' ? '' : `${status} `}candidate(s); accept with \`bilat policies accept ID [--instrument ID]\`, reject with \`bilat policies reject ID\`\n`);
    return EXIT.ok;
  });
}

async function accept(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const [id, ...extra] = rest;
  if (!id) throw new UsageError('give a CANDIDATE_ID (see `bilat policies candidates`)');
  noExtra(extra, 'accept');
  const effectiveFrom = dateFlag('effective-from', stringOption(args, 'effective-from'));
  const { acceptCandidate, CandidateError } = await import('../../store/queries/policy-candidates.js');
  return withStore(args, io, async (store) => {
    try {
      const versionId = await acceptCandidate(store, id, { instrumentId: stringOption(args, 'instrument'), effectiveFrom, title: stringOption(args, 'title'), now: io.now().toISOString() });
      io.stdout.write(`${versionId}\n`);
      io.stderr.write(`policies: accepted ${id} as ${versionId}\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof CandidateError) throw new CommandError(err.message);
      throw err;
    }
  });
}

async function reject(args: ParsedArgs, rest: string[], io: CliIO): Promise<number> {
  const [id, ...extra] = rest;
  if (!id) throw new UsageError('give a CANDIDATE_ID (see `bilat policies candidates`)');
  noExtra(extra, 'reject');
  const { rejectCandidate, CandidateError } = await import('../../store/queries/policy-candidates.js');
  return withStore(args, io, async (store) => {
    try {
      await rejectCandidate(store, id, stringOption(args, 'reason') ?? null, io.now().toISOString());
      io.stderr.write(`policies: rejected ${id}\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof CandidateError) throw new CommandError(err.message);
      throw err;
    }
  });
}
