import type { Command, ParsedArgs } from '../command.js';
import { DB_OPTION, FORMAT_OPTION, choice, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EVENT_FILTER_OPTIONS, eventFilterFromArgs } from '../event-filter.js';
import { GAZETTEER_OPTION } from '../gazetteer-option.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { LIST_FORMATS, writeRows, type ListFormat } from '../output.js';
import type { EventFilterInput, StoredEvent } from '../../store/queries/events.js';

/** One flat row per event for tables and CSV. */
export function eventRow(e: StoredEvent): Record<string, unknown> {
  const parties = (refs: StoredEvent['actor']) => refs.map((a) => (a.sector ? `${a.country ?? '?'}/${a.sector}` : (a.country ?? '?'))).join(';');
  const flags = (['negated', 'future', 'hypothetical', 'historical'] as const).filter((f) => e[f]);
  return {
    id: e.id,
    date: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    date_source: e.date?.source ?? null,
    event_type: e.event_type,
    mode: e.mode,
    quad: e.quad,
    score: e.score,
    actor: parties(e.actor),
    recipient: parties(e.recipient),
    contexts: e.contexts.join(';'),
    location: e.location?.text ?? null,
    flags: flags.join(';'),
    trigger: e.trigger,
    sentence: e.evidence.sentence,
    document_id: e.document_id,
    char_start: e.evidence.start,
    char_end: e.evidence.end,
    rule: e.rule,
  };
}

export const eventsCommand: Command = {
  name: 'events',
  summary: 'List stored PLOVER events: by dyad, actor, type, context and date.',
  usage: 'bilat events [--dyad CHN-KOR] [--actor KOR] [--type CONSULT] [--context tourism] [--from D --to D] [--include-negated] [--format table|json|csv|jsonl]',
  description:
    'Events come oldest first (--sort -date for newest first), 100 at a time: pass the printed cursor to --cursor for the next page, ' +
    'or --limit N. Negated events ("did not meet") are left out unless --include-negated. json and jsonl print the full event records ' +
    'of the extraction contract; csv flattens them to one row each.',
  options: {
    ...EVENT_FILTER_OPTIONS,
    fused: { type: 'boolean', description: 'list fused events (one per real-world event, with report counts) instead of reports; see `bilat fused`' },
    sort: { type: 'string', value: 'date|-date', description: 'order by event date (default date: oldest first)', default: 'date' },
    limit: { type: 'string', value: 'N', description: 'at most N events (default 100)' },
    cursor: { type: 'string', value: 'CURSOR', description: 'continue after the previous page' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    gazetteer: GAZETTEER_OPTION,
    db: DB_OPTION,
  },
  examples: ['bilat events --dyad CHN-KOR --type CONSULT', 'bilat events --actor CHN --context tourism --from 2024-01-01 --format csv > events.csv', 'bilat events --dyad CHN>KOR --type SANCTION --include-negated', 'bilat events --fused --dyad CHN-KOR --type CONSULT'],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    const sort = choice(args, 'sort', ['date', '-date'] as const, 'date');
    const filter = { ...(await eventFilterFromArgs(args, io)), sort, cursor: stringOption(args, 'cursor') };
    if (args.values.fused) return listFused(filter, format, args, io);
    const { selectEvents } = await import('../../store/queries/events.js');
    const page = await withStore(args, io, async (store) => {
      try {
        return await selectEvents(store, filter);
      } catch (err) {
        if (/cursor/.test((err as Error).message)) throw new UsageError((err as Error).message);
        throw err;
      }
    });
    if (format === 'json' || format === 'jsonl') writeRows(io, page.events as unknown as Array<Record<string, unknown>>, [], format);
    else writeRows(io, page.events.map(eventRow), ['date', 'event_type', 'mode', 'actor', 'recipient', 'contexts', 'flags', 'trigger'], format);
    if (format === 'table') io.stderr.write(`${page.events.length} event(s)${page.next_cursor ? ` · more: --cursor ${page.next_cursor}` : ''}\n`);
    else if (page.next_cursor) io.stderr.write(`more: --cursor ${page.next_cursor}\n`);
    return EXIT.ok;
  },
};

/** `bilat events --fused`: the same filters, applied to fused events (docs/fusion.md). */
async function listFused(filter: EventFilterInput & { cursor?: string }, format: ListFormat, args: ParsedArgs, io: CliIO): Promise<number> {
  for (const f of ['actor', 'recipient', 'cursor'] as const) if (filter[f] !== undefined) throw new UsageError(`--${f} does not apply with --fused (use --dyad A>B, --country, or --offset with \`bilat fused\`)`);
  const { selectFusedEvents } = await import('../../store/queries/fused-events.js');
  const { fusedRow } = await import('./fused.js');
  const status: Array<'asserted' | 'future' | 'negated' | 'hypothetical'> = ['asserted', 'future'];
  if (filter.include_negated) status.push('negated');
  if (filter.include_hypothetical !== false) status.push('hypothetical');
  const page = await withStore(args, io, (store) =>
    selectFusedEvents(store, { dyad: filter.dyad, country: filter.country, type: filter.type, context: filter.context, from: filter.from, to: filter.to, status, sort: filter.sort, limit: filter.limit }),
  );
  if (format === 'json' || format === 'jsonl') writeRows(io, page.events as unknown as Array<Record<string, unknown>>, [], format);
  else writeRows(io, page.events.map(fusedRow), ['id', 'date', 'event_type', 'mode', 'actor', 'recipient', 'location', 'reports', 'documents', 'sources', 'status'], format);
  if (format === 'table') io.stderr.write(`${page.events.length} fused event(s)${page.next_offset !== null ? ` · more: bilat fused --offset ${page.next_offset}` : ''}\n`);
  return EXIT.ok;
}
