import type { Command } from '../command.js';
import { DB_OPTION, choice, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { countryPair, knownCodes } from '../dyad-args.js';
import { EXIT, UsageError } from '../io.js';
import { renderTable, writeRows } from '../output.js';
import { dateFlag, numberFlag } from '../validate.js';
import { DEFAULT_WEIGHTS, largestMoves, type IndexMonth, type RelationsIndex } from '../../analysis/relations-index.js';
import type { Quad } from '../../types.js';

function signed(v: number, digits = 2): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
}

/** Why one month moved: its events' contributions and the decay, largest first. */
export function explainMonth(m: IndexMonth): string[] {
  const lines = [`${m.month}  index ${m.index.toFixed(2)} (${signed(m.change)})`];
  for (const e of m.events) lines.push(`    ${signed(e.contribution).padStart(6)}  ${e.label} · score ${e.score}, ${e.sources} source(s) · ${e.id}`);
  if (m.decay !== 0) lines.push(`    ${signed(m.decay).padStart(6)}  decay toward the baseline`);
  return lines;
}

function parseWeights(value: string | undefined): Record<Quad, number> {
  const weights = { ...DEFAULT_WEIGHTS };
  if (value === undefined) return weights;
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)=(\d+(?:\.\d+)?)$/.exec(part);
    if (!m || !(m[1]! in weights)) throw new UsageError(`--weights takes QUAD=NUMBER pairs with quads ${Object.keys(weights).join(', ')} (got "${part}")`);
    weights[m[1] as Quad] = Number(m[2]);
  }
  return weights;
}

function renderText(idx: RelationsIndex, explain: boolean): string {
  const rows = idx.months.map((m) => ({ month: m.month, index: m.index.toFixed(2), change: signed(m.change), events: m.events.length, main: m.events[0] ? `${signed(m.events[0].contribution)} ${m.events[0].label}` : '' }));
  const out = [rows.length ? renderTable(rows, ['month', 'index', 'change', 'events', 'main'], 64) : '(no months)\n'];
  if (explain) {
    const moves = largestMoves(idx, 5);
    if (moves.length) out.push('', 'Largest monthly moves and the events behind them:', ...moves.flatMap((m) => explainMonth(m).map((l) => `  ${l}`)), '');
    const busy = idx.months.filter((m) => m.events.length);
    if (busy.length) out.push('Contributions, month by month:', ...busy.flatMap((m) => explainMonth(m).map((l) => `  ${l}`)), '');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

export const indexCommand: Command = {
  name: 'index',
  summary: 'Monthly relations index (−9 confrontation … +9 friendly) for a pair, with the events behind each move.',
  usage: 'bilat index A B [--from D --to D] [--half-life 6] [--baseline 0] [--gain 1] [--weights Q=W,…] [--no-damping] [--directed] [--explain] [--format table|csv|json]',
  description:
    'In the spirit of the Tsinghua index of China\'s bilateral relations: every fused event between A and B moves the index by its ' +
    'PLOVER score scaled to the index (score/10 × quad weight × (1 + ln sources) × gain), the effect fades with the half-life ' +
    'toward the baseline, and a tanh keeps the index within ±9. The formula, with a worked example, is in docs/indicators.md. ' +
    '--explain lists the largest monthly moves with each event\'s contribution; csv with --explain gives one row per contribution.',
  options: {
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'first month shown (earlier events still count; default: the first event)' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'last month shown (default: the last event)' },
    'half-life': { type: 'string', value: 'MONTHS', description: 'months after which an event\'s effect has halved (default 6)' },
    baseline: { type: 'string', value: 'LEVEL', description: 'level the index relaxes to without events, −9 … 9 (default 0)' },
    gain: { type: 'string', value: 'G', description: 'scale of every event\'s impulse (default 1)' },
    weights: { type: 'string', value: 'QUAD=W,…', description: 'quad weights (default verbal_cooperation=1,material_cooperation=2,verbal_conflict=1,material_conflict=2)' },
    'no-damping': { type: 'boolean', description: 'count an event the same however many outlets report it' },
    directed: { type: 'boolean', description: 'only events where A acts on B (mutual events count either way)' },
    explain: { type: 'boolean', description: 'show each event\'s contribution to each month\'s change' },
    format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)', default: 'table' },
    db: DB_OPTION,
  },
  examples: ['bilat index CHN KOR --from 2016-01-01 --explain', 'bilat index CHN KOR --half-life 12 --format csv', 'bilat index CHN KOR --weights material_conflict=3 --no-damping'],
  async run(args, io) {
    const [a, b] = countryPair(args.positionals, 'index', await knownCodes(args, io));
    const format = choice(args, 'format', ['table', 'csv', 'json'] as const, 'table');
    const from = dateFlag('from', stringOption(args, 'from'));
    const to = dateFlag('to', stringOption(args, 'to'));
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const params = {
      a,
      b,
      from,
      to,
      directed: flag(args, 'directed'),
      half_life: numberFlag('half-life', stringOption(args, 'half-life'), 6, 0.1, 1200),
      baseline: numberFlag('baseline', stringOption(args, 'baseline'), 0, -8.99, 8.99),
      gain: numberFlag('gain', stringOption(args, 'gain'), 1, 0.01, 100),
      weights: parseWeights(stringOption(args, 'weights')),
      source_damping: flag(args, 'no-damping') ? ('none' as const) : ('log' as const),
    };
    const { selectRelationsIndex } = await import('../../store/queries/relations-index.js');
    const idx = await withStore(args, io, (store) => selectRelationsIndex(store, params));
    const explain = flag(args, 'explain');
    if (format === 'json') io.stdout.write(`${JSON.stringify(idx, null, 2)}\n`);
    else if (format === 'csv' && explain) {
      const rows = idx.months.flatMap((m) => [
        ...m.events.map((e) => ({ month: m.month, index: m.index, change: m.change, part: 'event', id: e.id, label: e.label, score: e.score, sources: e.sources, impulse: e.impulse, contribution: e.contribution })),
        { month: m.month, index: m.index, change: m.change, part: 'decay', id: '', label: 'decay toward the baseline', score: '', sources: '', impulse: '', contribution: m.decay },
      ]);
      writeRows(io, rows, [], 'csv');
    } else if (format === 'csv') writeRows(io, idx.months.map((m) => ({ month: m.month, index: m.index, change: m.change, raw: m.raw, decay: m.decay, events: m.events.length })), [], 'csv');
    else io.stdout.write(renderText(idx, explain));
    const last = idx.months[idx.months.length - 1];
    io.stderr.write(`${a}${params.directed ? '→' : '–'}${b} index: ${idx.months.length} month(s)${last ? `, ${last.month} at ${last.index.toFixed(2)}` : ''}; half-life ${params.half_life} months, baseline ${params.baseline}\n`);
    return EXIT.ok;
  },
};
