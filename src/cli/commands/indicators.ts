import type { Command } from '../command.js';
import { DB_OPTION, choice, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { countryPair, knownCodes } from '../dyad-args.js';
import { EXIT, UsageError } from '../io.js';
import { writeRows } from '../output.js';
import { dateFlag } from '../validate.js';
import { GRIDS } from '../../analysis/grid.js';

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary: 'Dyadic indicators from fused events: counts by category and quad, PLOVER scores, cooperative share, per period.',
  usage: 'bilat indicators A B [--by week|month|quarter|year] [--from D --to D] [--context C] [--directed] [--weight sources] [--format table|csv|json]',
  description:
    'Counts fused events (docs/fusion.md) between A and B — one per real-world event, so repeated reports do not inflate them — ' +
    'that happened (not negated, hypothetical or only announced). Without --directed, events either way count; with it, only A acting ' +
    'on B; mutual events (meetings, agreements) count either way. Every period from --from to --to appears, with zeros. Events dated ' +
    'more coarsely than one period ("in 2016" on a monthly grid) are left out and counted on stderr. json adds the breakdown per ' +
    'context (docs/indicators.md).',
  options: {
    by: { type: 'string', value: GRIDS.join('|'), description: 'period grid (default month)', default: 'month' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'first day shown (default: the first event)' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'last day shown (default: the last event)' },
    context: { type: 'string', value: 'CONTEXT', description: 'only events with this context (culture, tourism, economic…)' },
    directed: { type: 'boolean', description: 'only events where A acts on B' },
    weight: { type: 'string', value: 'none|sources', description: 'weight each event by its number of outlets (default none)', default: 'none' },
    format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)', default: 'table' },
    db: DB_OPTION,
  },
  examples: ['bilat indicators CHN KOR --by quarter --from 2016-01-01 --to 2026-03-31', 'bilat indicators CHN KOR --context culture --format csv', 'bilat indicators CHN KOR --directed --weight sources --by year'],
  async run(args, io) {
    const [a, b] = countryPair(args.positionals, 'indicators', await knownCodes(args, io));
    const by = choice(args, 'by', GRIDS, 'month');
    const format = choice(args, 'format', ['table', 'csv', 'json'] as const, 'table');
    const weight = choice(args, 'weight', ['none', 'sources'] as const, 'none');
    const from = dateFlag('from', stringOption(args, 'from'));
    const to = dateFlag('to', stringOption(args, 'to'));
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const context = stringOption(args, 'context')?.toLowerCase();
    if (context !== undefined) {
      const { getOntology } = await import('../../knowledge/ontology.js');
      const known = getOntology().contextIds;
      if (!known.has(context)) throw new UsageError(`unknown context "${context}"; contexts are ${[...known].join(', ')}`);
    }
    const { selectIndicators } = await import('../../store/queries/indicators.js');
    const { flattenIndicators } = await import('../../analysis/indicators.js');
    const series = await withStore(args, io, (store) => selectIndicators(store, { a, b, by, from, to, context, weight, directed: flag(args, 'directed') }));
    if (format === 'json') io.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
    else writeRows(io, flattenIndicators(series), ['period', 'events', 'cooperative_share', 'score_sum', 'score_mean', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'], format);
    const total = series.periods.reduce((n, p) => n + p.fused_events, 0);
    io.stderr.write(`${a}${series.directed ? '→' : '–'}${b}: ${total} fused event(s) in ${series.periods.length} period(s)${series.excluded_coarser_dates ? `; ${series.excluded_coarser_dates} left out (dated more coarsely than a ${by})` : ''}${weight === 'sources' ? '; counts weighted by sources' : ''}\n`);
    return EXIT.ok;
  },
};
