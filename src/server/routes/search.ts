import { z } from 'zod';
import { SEARCH_KINDS, SearchQueryError, searchRecords } from '../../store/queries/search.js';
import { endpoint, type Endpoint } from '../endpoint.js';
import { badRequest } from '../errors.js';
import { P, querySchema } from '../params.js';

export function searchEndpoints(): Endpoint[] {
  return [
    endpoint({
      id: 'search',
      list: true,
      path: '/search',
      summary: 'Full-text search over documents (title and text) and the evidence sentences of events, statistics and quotes.',
      description: 'Words are ANDed and match as written in any case; "a phrase" in double quotes; word* for a prefix; -word excludes.',
      query: querySchema({
        q: P.text('the query (required)', 200),
        kind: P.list(z.enum(SEARCH_KINDS, { error: `must be one of ${SEARCH_KINDS.join(', ')}` }), 'kinds of record (default all)').optional(),
        limit: P.int('number of hits, 1…100 (default 20)', 1, 100).optional(),
      }),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: ['kind', 'id', 'document_id', 'title', 'published', 'snippet', 'start', 'end', 'rank'], rows: (data) => data as Array<Record<string, unknown>> },
      returns: 'hits, best first: kind, id, document_id, title, published, snippet (matches in « »), start, end (offsets into the document text), rank',
      async handle({ store }, { query: q }) {
        try {
          return { kind: 'list', data: await searchRecords(store, { q: q.q, kinds: q.kind, limit: q.limit ?? 20 }), next_cursor: null };
        } catch (err) {
          if (err instanceof SearchQueryError) throw badRequest(`q: ${err.message}`, 'q');
          throw err;
        }
      },
    }),
  ];
}
