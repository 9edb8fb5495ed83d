import { z } from 'zod';
import { eventRow } from '../../cli/commands/events.js';
import { fusedRow } from '../../cli/commands/fused.js';
import type { FusedEvent } from '../../analysis/fusion/summarize.js';
import { selectEvents, type StoredEvent } from '../../store/queries/events.js';
import { findFusedEvent, FUSED_STATUSES, selectFusedEvents } from '../../store/queries/fused-events.js';
import { DEFAULT_LIMIT, decodeOffset, encodeOffset, endpoint, type Deps, type Endpoint } from '../endpoint.js';
import { badRequest, notFound } from '../errors.js';
import { P, querySchema } from '../params.js';

const category = () => P.list(z.string().regex(/^[A-Za-z]+$/, 'must be a PLOVER category such as CONSULT').transform((v) => v.toUpperCase()), 'PLOVER categories');
const context = () => P.list(z.string().regex(/^[a-z_]+$/, 'must be a context such as culture or tourism'), 'contexts');

const EVENT_COLUMNS = ['id', 'date', 'date_end', 'date_precision', 'date_source', 'event_type', 'mode', 'quad', 'score', 'actor', 'recipient', 'contexts', 'location', 'flags', 'trigger', 'sentence', 'document_id', 'char_start', 'char_end', 'rule'];
const FUSED_COLUMNS = ['id', 'date', 'date_end', 'date_precision', 'event_type', 'mode', 'quad', 'score', 'actor', 'recipient', 'mutual', 'contexts', 'location', 'status', 'reports', 'documents', 'sources', 'importance', 'first_published', 'last_published', 'first_ingested'];

function cursorError(err: unknown): never {
  if (err instanceof Error && /invalid cursor/.test(err.message)) throw badRequest(`cursor: ${err.message}`, 'cursor');
  throw err;
}

export function eventEndpoints({ known }: Pick<Deps, 'known'>): Endpoint[] {
  return [
    endpoint({
      id: 'listEvents',
      list: true,
      path: '/events',
      summary: 'Raw events (one per report), with their evidence.',
      query: querySchema(
        {
          dyad: P.dyad(known).optional(),
          actor: P.actor(known, 'a country acting').optional(),
          recipient: P.actor(known, 'a country receiving').optional(),
          country: P.actor(known, 'a country in either role').optional(),
          category: category().optional(),
          quad: P.quad().optional(),
          context: context().optional(),
          from: P.day('event date on or after').optional(),
          to: P.day('event date on or before').optional(),
          document: P.text('document id').optional(),
          include_negated: P.bool('include negated events (default false)').optional(),
          include_hypothetical: P.bool('include hypothetical events (default true)').optional(),
          sort: P.choice(['date', '-date'], 'date (oldest first, default) or -date').optional(),
          limit: P.limit().optional(),
          cursor: P.cursor().optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: EVENT_COLUMNS, rows: (data) => (data as StoredEvent[]).map(eventRow) },
      returns: 'event records of the extraction contract plus document_id',
      async handle({ store }, { query: q }) {
        const page = await selectEvents(store, {
          dyad: q.dyad,
          actor: q.actor,
          recipient: q.recipient,
          country: q.country,
          type: q.category,
          quad: q.quad,
          context: q.context,
          from: q.from,
          to: q.to,
          document: q.document,
          include_negated: q.include_negated ?? false,
          include_hypothetical: q.include_hypothetical ?? true,
          sort: q.sort ?? 'date',
          limit: q.limit ?? DEFAULT_LIMIT,
          cursor: q.cursor,
        }).catch(cursorError);
        return { kind: 'list', data: page.events, next_cursor: page.next_cursor };
      },
    }),
    endpoint({
      id: 'listFusedEvents',
      list: true,
      path: '/fused-events',
      summary: 'Fused events: one per real-world event, with the number of reports, documents and sources.',
      query: querySchema(
        {
          dyad: P.dyad(known).optional(),
          country: P.actor(known, 'a country in any role').optional(),
          category: category().optional(),
          quad: P.quad().optional(),
          context: context().optional(),
          status: P.list(z.enum(FUSED_STATUSES, { error: `must be one of ${FUSED_STATUSES.join(', ')}` }), 'statuses (default asserted,future)').optional(),
          from: P.day('date on or after').optional(),
          to: P.day('date on or before').optional(),
          min_reports: P.int('at least this many reports', 1, 100_000).optional(),
          min_sources: P.int('at least this many distinct outlets', 1, 100_000).optional(),
          sort: P.choice(['date', '-date', 'importance'], 'date (default), -date or importance (|score| × sources)').optional(),
          limit: P.limit().optional(),
          cursor: P.cursor().optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: FUSED_COLUMNS, rows: (data) => (data as FusedEvent[]).map(fusedRow) },
      returns: 'fused events (docs/fusion.md)',
      async handle({ store }, { query: q }) {
        const limit = q.limit ?? DEFAULT_LIMIT;
        const offset = decodeOffset(q.cursor);
        const page = await selectFusedEvents(store, {
          dyad: q.dyad,
          country: q.country,
          type: q.category,
          quad: q.quad,
          context: q.context,
          ...(q.status ? { status: q.status } : {}),
          from: q.from,
          to: q.to,
          min_reports: q.min_reports ?? 1,
          min_sources: q.min_sources ?? 1,
          sort: q.sort ?? 'date',
          limit,
          offset,
        });
        return { kind: 'list', data: page.events, next_cursor: page.next_offset === null ? null : encodeOffset(page.next_offset) };
      },
    }),
    endpoint({
      id: 'getFusedEvent',
      path: '/fused-events/:id',
      summary: 'One fused event with every report: document, evidence sentence and its offsets.',
      pathParams: { id: 'fused id (fe-…), the id of one of its reports, or a unique prefix (6+ characters)' },
      query: querySchema({}),
      formats: ['json'],
      returns: '{ event, reports: [{ event_id, document_id, title, outlet, url, published, sentence_text, start, end, rule, event }] }',
      async handle({ store }, { params }) {
        const id = params.id!;
        const found = await findFusedEvent(store, id);
        if (found.ambiguous) throw badRequest(`id prefix "${id}" matches several fused events; give more characters`, 'id');
        if (!found.detail) throw notFound(`no fused event or report with id "${id}"`);
        const { event, reports } = found.detail;
        return {
          kind: 'object',
          data: {
            event,
            reports: reports.map((r) => ({
              event_id: r.event.id,
              document_id: r.document_id,
              title: r.title,
              outlet: r.outlet,
              url: r.url,
              published: r.published,
              sentence_text: r.event.evidence.sentence,
              start: r.event.evidence.start,
              end: r.event.evidence.end,
              rule: r.event.rule,
              event: r.event,
            })),
          },
        };
      },
    }),
  ];
}
