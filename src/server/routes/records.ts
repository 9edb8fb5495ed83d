import { z } from 'zod';
import type { Gazetteer } from '../../knowledge/gazetteer.js';
import { flattenQuote, selectQuotes, type QuoteRow } from '../../store/queries/quotes.js';
import { flattenStatistic, selectStatistics, type StatisticRow } from '../../store/queries/statistics.js';
import { DEFAULT_LIMIT, decodeOffset, encodeOffset, endpoint, type Deps, type Endpoint } from '../endpoint.js';
import { P, querySchema } from '../params.js';

const ACTOR_KINDS = ['country', 'igo', 'person', 'organisation'] as const;

export interface ActorEntry {
  code: string;
  name: string;
  kind: (typeof ACTOR_KINDS)[number];
  country: string | null;
  aliases: string[];
}

/** Every gazetteer entry an event can name, sorted by kind then code. */
export function actorEntries(g: Gazetteer): ActorEntry[] {
  const out: ActorEntry[] = [
    ...[...g.countries.values()].map((c) => ({ code: c.code, name: c.name, kind: 'country' as const, country: null, aliases: c.aliases })),
    ...[...g.igos.values()].map((i) => ({ code: `IGO:${i.id}`, name: i.name, kind: 'igo' as const, country: null, aliases: i.aliases })),
    ...[...g.people.values()].map((p) => ({ code: p.id, name: p.name, kind: 'person' as const, country: p.roles.find((r) => r.primary)?.country ?? p.roles[0]?.country ?? null, aliases: p.aliases })),
    ...[...g.organisations.values()].map((o) => ({ code: o.id, name: o.name, kind: 'organisation' as const, country: o.country, aliases: o.aliases })),
  ];
  const order = (k: string) => ACTOR_KINDS.indexOf(k as (typeof ACTOR_KINDS)[number]);
  return out.sort((a, b) => order(a.kind) - order(b.kind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const STAT_COLUMNS = ['id', 'document_id', 'published', 'value', 'text', 'unit', 'hedge', 'measure', 'subject', 'period', 'change_pct', 'change_abs', 'previous', 'computed_pct', 'share_pct', 'consistent', 'sentence', 'start', 'end', 'rule'];
const QUOTE_COLUMNS = ['id', 'document_id', 'published', 'speaker', 'speaker_text', 'speaker_country', 'speaker_sector', 'speaker_id', 'direct', 'cue', 'source_outlet', 'text', 'sentence', 'start', 'end', 'rule'];

export function recordEndpoints({ known, gazetteer }: Pick<Deps, 'known' | 'gazetteer'>): Endpoint[] {
  let actors: ActorEntry[] | undefined;
  return [
    endpoint({
      id: 'listActors',
      list: true,
      path: '/actors',
      summary: 'Gazetteer entries: countries, IGOs, people and organisations.',
      query: querySchema({
        q: P.text('part of a name, code or alias (any case)').optional(),
        kind: P.list(z.enum(ACTOR_KINDS, { error: `must be one of ${ACTOR_KINDS.join(', ')}` }), 'kinds').optional(),
        limit: P.limit().optional(),
        cursor: P.cursor().optional(),
      }),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: ['code', 'name', 'kind', 'country'], rows: (data) => data as Array<Record<string, unknown>> },
      returns: 'gazetteer entries: code, name, kind, country, aliases',
      async handle(_deps, { query: q }) {
        actors ??= actorEntries(gazetteer);
        const needle = q.q?.toLowerCase();
        const kinds = q.kind ? new Set<string>(q.kind) : undefined;
        const matches = actors.filter(
          (a) => (!kinds || kinds.has(a.kind)) && (!needle || a.code.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle) || a.aliases.some((x) => x.toLowerCase().includes(needle))),
        );
        const limit = q.limit ?? DEFAULT_LIMIT;
        const offset = decodeOffset(q.cursor);
        return { kind: 'list', data: matches.slice(offset, offset + limit), next_cursor: matches.length > offset + limit ? encodeOffset(offset + limit) : null };
      },
    }),
    endpoint({
      id: 'listStatistics',
      list: true,
      path: '/statistics',
      summary: 'Extracted statistics, each with its arithmetic check (consistent true, false or null).',
      query: querySchema(
        {
          dyad: P.dyad(known).optional(),
          measure: P.text('part of the measure (any case)').optional(),
          unit: P.text('exact unit, e.g. persons').optional(),
          inconsistent: P.bool('true: only statistics whose arithmetic does not add up; false: only the others').optional(),
          from: P.day('period (or publication) on or after').optional(),
          to: P.day('period (or publication) on or before').optional(),
          document: P.text('document id or prefix').optional(),
          limit: P.limit().optional(),
          cursor: P.cursor().optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: STAT_COLUMNS, rows: (data) => (data as StatisticRow[]).map(flattenStatistic) },
      returns: 'statistic records of the extraction contract plus document_id, published, title',
      async handle({ store }, { query: q }) {
        const page = await selectStatistics(store, { ...q, limit: q.limit ?? DEFAULT_LIMIT });
        return { kind: 'list', data: page.rows, next_cursor: page.next_cursor };
      },
    }),
    endpoint({
      id: 'listQuotes',
      list: true,
      path: '/quotes',
      summary: 'Direct and reported quotes with their resolved speakers.',
      query: querySchema(
        {
          speaker: P.text("part of the speaker's name (any case) or an actor id").optional(),
          actor: P.country(known, "the speaker's country").optional(),
          dyad: P.dyad(known).optional(),
          direct: P.bool('true: direct quotes only; false: reported speech only').optional(),
          from: P.day('published on or after').optional(),
          to: P.day('published on or before').optional(),
          document: P.text('document id or prefix').optional(),
          limit: P.limit().optional(),
          cursor: P.cursor().optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: QUOTE_COLUMNS, rows: (data) => (data as QuoteRow[]).map(flattenQuote) },
      returns: 'quote records of the extraction contract plus document_id, published, title',
      async handle({ store }, { query: q }) {
        const { actor, ...rest } = q;
        const page = await selectQuotes(store, { ...rest, country: actor, limit: q.limit ?? DEFAULT_LIMIT });
        return { kind: 'list', data: page.rows, next_cursor: page.next_cursor };
      },
    }),
  ];
}
