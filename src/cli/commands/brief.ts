import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { DB_OPTION, choice, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { countryPair, knownCodes } from '../dyad-args.js';
import { CommandError, EXIT, UsageError } from '../io.js';
import { dateFlag, numberFlag } from '../validate.js';

export const briefCommand: Command = {
  name: 'brief',
  summary: 'Write a brief on a pair and period: index trend, what changed, top events, statistics, quotes, policies — all with evidence.',
  usage: 'bilat brief A B --from YYYY-MM-DD --to YYYY-MM-DD [--format md|html] [--out FILE] [--half-life 6]',
  description:
    'Everything in the brief comes from the database and cites the sentence it rests on (document id, sentence, offsets); the same ' +
    'data gives the same brief byte for byte. HTML is one self-contained page (inline CSS and SVG chart, no scripts). Without --out ' +
    'the brief goes to stdout; with it, the file is written atomically (docs/brief.md).',
  options: {
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'first day of the period (required)' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'last day of the period (required)' },
    format: { type: 'string', value: 'md|html', description: 'output format (default md)', default: 'md' },
    out: { type: 'string', value: 'FILE', description: 'write to FILE instead of stdout' },
    'half-life': { type: 'string', value: 'MONTHS', description: 'half-life of the relations index (default 6)' },
    db: DB_OPTION,
  },
  examples: ['bilat brief CHN KOR --from 2025-01-01 --to 2026-01-31', 'bilat brief CHN KOR --from 2025-01-01 --to 2026-01-31 --format html --out brief.html'],
  async run(args, io) {
    const [a, b] = countryPair(args.positionals, 'brief', await knownCodes(args, io));
    const from = dateFlag('from', stringOption(args, 'from'));
    const to = dateFlag('to', stringOption(args, 'to'));
    if (!from || !to) throw new UsageError('give the period with --from YYYY-MM-DD and --to YYYY-MM-DD');
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const format = choice(args, 'format', ['md', 'html'] as const, 'md');
    const halfLife = numberFlag('half-life', stringOption(args, 'half-life'), 6, 0.1, 1200);
    const { collectBrief } = await import('../../analysis/brief/collect.js');
    const data = await withStore(args, io, (store) => collectBrief(store, { a, b, from, to, half_life: halfLife }));
    const text = format === 'html' ? (await import('../../analysis/brief/render-html.js')).renderBriefHtml(data) : (await import('../../analysis/brief/render-md.js')).renderBriefMarkdown(data);
    const out = stringOption(args, 'out');
    if (out === undefined) io.stdout.write(text);
    else {
      const path = resolve(io.cwd, out);
      const tmp = `${path}.tmp-${process.pid}`;
      try {
        writeFileSync(tmp, text);
        renameSync(tmp, path);
      } catch (err) {
        throw new CommandError(`cannot write ${out}: ${(err as Error).message}`);
      }
      io.stderr.write(`brief: wrote ${out} (${data.top_events.length} top events, ${data.evidence.length} evidence sentences)\n`);
    }
    return EXIT.ok;
  },
};
