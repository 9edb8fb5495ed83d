import { findDocument, selectDocuments, selectSentences, type DocumentRow } from '../../store/queries/documents.js';
import { selectEvents } from '../../store/queries/events.js';
import { selectQuotes } from '../../store/queries/quotes.js';
import { selectStatistics } from '../../store/queries/statistics.js';
import { DEFAULT_LIMIT, decodeOffset, encodeOffset, endpoint, type Endpoint } from '../endpoint.js';
import { badRequest, notFound } from '../errors.js';
import { P, querySchema } from '../params.js';

const SUMMARY_COLUMNS = ['id', 'title', 'url', 'outlet', 'published', 'published_source', 'format', 'words', 'sentences', 'ingested_at'];

/** A document without its text, with the API's field names. */
export function documentSummary(d: Pick<DocumentRow, 'id' | 'title' | 'url' | 'outlet' | 'published' | 'published_source' | 'format' | 'word_count' | 'sentence_count' | 'ingested_at'>) {
  return {
    id: d.id,
    title: d.title,
    url: d.url,
    outlet: d.outlet,
    published: d.published,
    published_source: d.published_source,
    format: d.format,
    words: Number(d.word_count),
    sentences: Number(d.sentence_count),
    ingested_at: d.ingested_at,
  };
}

export function documentEndpoints(): Endpoint[] {
  return [
    endpoint({
      id: 'listDocuments',
      list: true,
      path: '/documents',
      summary: 'Document summaries, newest publication first (unknown dates last).',
      query: querySchema(
        {
          q: P.text('full-text query over title and text (syntax as for /search)', 200).optional(),
          outlet: P.text('exact outlet name').optional(),
          from: P.day('published on or after').optional(),
          to: P.day('published on or before').optional(),
          limit: P.limit().optional(),
          cursor: P.cursor().optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: SUMMARY_COLUMNS, rows: (data) => data as Array<Record<string, unknown>> },
      returns: 'document summaries: id, title, url, outlet, published, published_source, format, words, sentences, ingested_at',
      async handle({ store }, { query }) {
        const limit = query.limit ?? DEFAULT_LIMIT;
        const offset = decodeOffset(query.cursor);
        const rows = await selectDocuments(store, { q: query.q, outlet: query.outlet, from: query.from, to: query.to, limit: limit + 1, offset });
        return { kind: 'list', data: rows.slice(0, limit).map(documentSummary), next_cursor: rows.length > limit ? encodeOffset(offset + limit) : null };
      },
    }),
    endpoint({
      id: 'getDocument',
      path: '/documents/:id',
      summary: 'One document with its text, sentence offsets and everything extracted from it.',
      pathParams: { id: 'document id, or a unique prefix of 6+ hex characters' },
      query: querySchema({}),
      formats: ['json'],
      returns: '{ document: {summary fields, text}, sentences: [{index, start, end}], events, statistics, quotes }',
      async handle({ store }, { params }) {
        const id = params.id!;
        const found = await findDocument(store, id);
        if (found.ambiguous) throw badRequest(`document id prefix "${id}" matches several documents; give more characters`, 'id');
        if (!found.document) throw notFound(`no document with id "${id}"`);
        const d = found.document;
        const sentences = await selectSentences(store, d.id);
        const events = await selectEvents(store, { document: d.id, include_negated: true, limit: 100_000 });
        const statistics = await selectStatistics(store, { document: d.id, limit: 10_000 });
        const quotes = await selectQuotes(store, { document: d.id, limit: 10_000 });
        return {
          kind: 'object',
          data: {
            document: { ...documentSummary(d), text: d.text },
            sentences: sentences.map((s) => ({ index: Number(s.idx), start: Number(s.char_start), end: Number(s.char_end) })),
            events: events.events,
            statistics: statistics.rows.filter((s) => s.document_id === d.id),
            quotes: quotes.rows.filter((q) => q.document_id === d.id),
          },
        };
      },
    }),
  ];
}
