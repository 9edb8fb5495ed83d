import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { DB_OPTION, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { EVENT_FILTER_OPTIONS } from '../event-filter.js';
import { GAZETTEER_OPTION } from '../gazetteer-option.js';
import { QUOTE_EXPORT_OPTIONS, STATISTIC_EXPORT_OPTIONS } from '../../export/options.js';

/** Flags every kind takes. */
const COMMON = new Set(['kind', 'format', 'output', 'db', 'help']);

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write stored records to a file or stdout: PLOVER-compatible JSON Lines for events; statistics and quotes.',
  usage: 'bilat export [--kind events|statistics|quotes] [--format jsonl|json|csv] [--output FILE] [filters…]',
  description:
    'Kinds: events, statistics, quotes. Events take the same filters as `bilat events` ' +
    '(--dyad, --actor, --type, --context, --from, --to, --include-negated…); statistics take --measure, --unit, ' +
    '--inconsistent, --from, --to; quotes take --speaker, --country, --direct/--reported, --from, --to. ' +
    'Records are written in full, not paged; a flag of another kind is a usage error. ' +
    'With --output the file is written to a temporary name first and renamed when complete.',
  // A kind's own flags (Exporter.options) are listed here too, so that they parse.
  options: {
    kind: { type: 'string', value: 'KIND', description: 'what to export (default events)', default: 'events' },
    format: { type: 'string', value: 'jsonl|json|csv', description: 'output format (default jsonl)', default: 'jsonl' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE instead of stdout' },
    ...EVENT_FILTER_OPTIONS,
    gazetteer: GAZETTEER_OPTION,
    ...STATISTIC_EXPORT_OPTIONS,
    ...QUOTE_EXPORT_OPTIONS,
    db: DB_OPTION,
  },
  examples: [
    'bilat export --kind events --format jsonl > events.jsonl',
    'bilat export --dyad CHN-KOR --from 2024-01-01 --output chn-kor.jsonl',
    'bilat export --kind statistics --inconsistent --format csv -o inconsistent.csv',
    'bilat export --kind quotes --speaker "Wang Yi" --format json',
  ],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const { EXPORTERS } = await import('../../export/index.js');
    const kind = stringOption(args, 'kind') ?? 'events';
    const load = EXPORTERS[kind];
    if (!load) throw new UsageError(`unknown --kind "${kind}"; kinds are ${Object.keys(EXPORTERS).join(', ')}`);
    const exporter = await load();
    for (const [name, value] of Object.entries(args.values)) {
      if (value === undefined || COMMON.has(name) || name in exporter.options) continue;
      throw new UsageError(`--${name} does not apply to --kind ${kind}`);
    }
    const format = stringOption(args, 'format') ?? 'jsonl';
    if (!exporter.formats.includes(format)) throw new UsageError(`--format for ${kind} must be one of ${exporter.formats.join(', ')} (got "${format}")`);
    const output = stringOption(args, 'output');
    const target = output ? resolve(io.cwd, output) : null;
    const tmp = target ? `${target}.tmp-${process.pid}` : null;
    const chunks: string[] = [];
    let size = 0;
    const write = (chunk: string) => {
      if (!tmp) return void io.stdout.write(chunk);
      chunks.push(chunk);
      size += chunk.length;
      if (size > 1 << 20) flush();
    };
    let started = false;
    const flush = () => {
      if (!tmp) return;
      writeFileSync(tmp, chunks.join(''), { flag: started ? 'a' : 'w' });
      started = true;
      chunks.length = 0;
      size = 0;
    };
    try {
      const n = await withStore(args, io, (store) => exporter.run(store, args, io, format, write));
      if (tmp && target) {
        flush();
        renameSync(tmp, target);
      }
      io.stderr.write(`export: ${n} ${kind} record(s)${target ? ` written to ${target}` : ''}\n`);
      return EXIT.ok;
    } catch (err) {
      if (tmp) rmSync(tmp, { force: true });
      throw err;
    }
  },
};
