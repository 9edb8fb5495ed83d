import type { FusedEvent } from '../../analysis/fusion/summarize.js';
import type { Command } from '../command.js';
import { DB_OPTION, FORMAT_OPTION, choice, listOption, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { dyadFlag, knownCodes, splitList } from '../dyad-args.js';
import { EXIT, UsageError } from '../io.js';
import { LIST_FORMATS, writeRows } from '../output.js';
import { dateFlag, intFlag } from '../validate.js';

const STATUSES = ['asserted', 'future', 'negated', 'hypothetical'] as const;

/** One flat row per fused event for tables and CSV. */
export function fusedRow(e: FusedEvent): Record<string, unknown> {
  return {
    id: e.id,
    date: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    event_type: e.event_type,
    mode: e.mode,
    quad: e.quad,
    score: e.score,
    actor: e.actor.join(';'),
    recipient: e.recipient.join(';'),
    mutual: e.mutual,
    contexts: e.contexts.join(';'),
    location: e.location?.text ?? null,
    status: e.status,
    reports: e.reports,
    documents: e.documents,
    sources: e.sources,
    importance: e.importance,
    first_published: e.first_published,
    last_published: e.last_published,
    first_ingested: e.first_ingested,
  };
}

export const fusedCommand: Command = {
  name: 'fused',
  summary: 'List fused events (one per real-world event) with how many reports, documents and outlets carry each.',
  usage: 'bilat fused [--dyad CHN-KOR] [--country C] [--type T] [--context C] [--from D --to D] [--min-reports N] [--status S] [--sort date|-date|importance] [--format table|json|csv|jsonl]',
  description:
    'Each fused event groups the reports of one real-world event across documents (docs/fusion.md). `bilat event ID` shows one ' +
    'with all its reports and their evidence. By default only events that happened or were announced are listed (--status ' +
    'asserted,future); --status negated lists events reported as not happening. json and jsonl print the full fused records.',
  options: {
    dyad: { type: 'string', value: 'A-B|A>B', description: 'events between A and B (either way), or from A to B' },
    country: { type: 'string', value: 'CODE', description: 'this country takes part' },
    type: { type: 'string', multiple: true, value: 'CATEGORY', description: 'PLOVER category; comma-separated or repeated' },
    context: { type: 'string', multiple: true, value: 'CONTEXT', description: 'context (culture, tourism…); comma-separated or repeated' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'dated on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'dated on or before' },
    'min-reports': { type: 'string', value: 'N', description: 'only events with at least N reports' },
    status: { type: 'string', multiple: true, value: STATUSES.join('|'), description: 'statuses to list (default asserted,future)' },
    sort: { type: 'string', value: 'date|-date|importance', description: 'order (default date, oldest first)', default: 'date' },
    limit: { type: 'string', value: 'N', description: 'at most N events (default 100)' },
    offset: { type: 'string', value: 'N', description: 'skip the first N events (next page)' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    db: DB_OPTION,
  },
  examples: ['bilat fused --dyad CHN-KOR --min-reports 2', 'bilat fused --dyad CHN>KOR --type SANCTION --format csv', 'bilat fused --sort importance --limit 10'],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    const sort = choice(args, 'sort', ['date', '-date', 'importance'] as const, 'date');
    const types = splitList(listOption(args, 'type')).map((t) => t.toUpperCase());
    for (const t of types) if (!/^[A-Z]+$/.test(t)) throw new UsageError(`--type takes PLOVER categories such as CONSULT (got "${t}")`);
    const contexts = splitList(listOption(args, 'context')).map((c) => c.toLowerCase());
    for (const c of contexts) if (!/^[a-z_]+$/.test(c)) throw new UsageError(`--context takes contexts such as tourism (got "${c}")`);
    const statuses = splitList(listOption(args, 'status'));
    for (const s of statuses) if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(`--status must be among ${STATUSES.join(', ')} (got "${s}")`);
    const country = stringOption(args, 'country')?.toUpperCase();
    if (country !== undefined && !/^[A-Z]{3}$/.test(country)) throw new UsageError(`--country takes an ISO 3166-1 alpha-3 code such as CHN (got "${country}")`);
    const from = dateFlag('from', stringOption(args, 'from'));
    const to = dateFlag('to', stringOption(args, 'to'));
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const filter = {
      dyad: dyadFlag(stringOption(args, 'dyad'), await knownCodes(args, io)),
      country,
      type: types.length ? types : undefined,
      context: contexts.length ? contexts : undefined,
      status: statuses.length ? (statuses as Array<(typeof STATUSES)[number]>) : undefined,
      from,
      to,
      min_reports: intFlag('min-reports', stringOption(args, 'min-reports'), 1, 1),
      sort,
      limit: intFlag('limit', stringOption(args, 'limit'), 100, 1, 100_000),
      offset: intFlag('offset', stringOption(args, 'offset'), 0, 0),
    };
    const { selectFusedEvents } = await import('../../store/queries/fused-events.js');
    const page = await withStore(args, io, (store) => selectFusedEvents(store, filter));
    if (format === 'json' || format === 'jsonl') writeRows(io, page.events as unknown as Array<Record<string, unknown>>, [], format);
    else writeRows(io, page.events.map(fusedRow), ['id', 'date', 'event_type', 'mode', 'actor', 'recipient', 'location', 'reports', 'documents', 'sources', 'status'], format);
    const more = page.next_offset !== null ? ` · more: --offset ${page.next_offset}` : '';
    if (format === 'table') io.stderr.write(`${page.events.length} fused event(s)${more}\n`);
    else if (more) io.stderr.write(`${more.slice(3)}\n`);
    return EXIT.ok;
  },
};
