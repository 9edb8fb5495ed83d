import { sql } from 'kysely';
import type { Store } from '../db.js';
import { matchingIds, parseSearchQuery } from './search.js';

export interface DocumentFilter {
  /** Full-text query over title and text (syntax in ./search.ts). */
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  published_source: string;
  format: string;
  source_path: string;
  word_count: number;
  sentence_count: number;
  ingested_at: string;
}

/** Documents, newest publication first (unknown dates last), then by id for a stable order. */
export async function selectDocuments(store: Store, filter: DocumentFilter = {}): Promise<DocumentRow[]> {
  let q = store.db
    .selectFrom('document')
    .select(['id', 'title', 'url', 'outlet', 'published', 'published_source', 'format', 'source_path', 'word_count', 'sentence_count', 'ingested_at']);
  if (filter.q) q = q.where(sql<boolean>`id in (${matchingIds(store, parseSearchQuery(filter.q), 'document')})`);
  if (filter.outlet) q = q.where('outlet', '=', filter.outlet);
  if (filter.from) q = q.where('published', '>=', filter.from);
  if (filter.to) q = q.where('published', '<=', filter.to);
  const rows = await q
    .orderBy(sql`case when published is null then 1 else 0 end`)
    .orderBy('published', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 1_000_000)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...r, word_count: Number(r.word_count), sentence_count: Number(r.sentence_count) }));
}

/** A document by id or unique id prefix (at least 6 characters). */
export async function findDocument(store: Store, idOrPrefix: string) {
  const exact = await store.db.selectFrom('document').selectAll().where('id', '=', idOrPrefix).executeTakeFirst();
  if (exact) return { document: exact, ambiguous: false };
  if (idOrPrefix.length < 6 || !/^[0-9a-f]+$/.test(idOrPrefix)) return { document: undefined, ambiguous: false };
  const rows = await store.db.selectFrom('document').selectAll().where('id', 'like', `${idOrPrefix}%`).limit(2).execute();
  return { document: rows.length === 1 ? rows[0] : undefined, ambiguous: rows.length > 1 };
}

export async function selectSentences(store: Store, documentId: string) {
  return store.db.selectFrom('sentence').select(['idx', 'char_start', 'char_end']).where('document_id', '=', documentId).orderBy('idx').execute();
}

export interface CorpusSummary {
  documents: number;
  sentences: number;
  words: number;
  byMonth: Array<{ month: string; documents: number }>;
  byOutlet: Array<{ outlet: string; documents: number }>;
  byPublishedSource: Array<{ published_source: string; documents: number }>;
}

/** Counts for the `npm start` summary: documents by month, outlet and date source. */
export async function summarizeCorpus(store: Store): Promise<CorpusSummary> {
  const totals = await store.db
    .selectFrom('document')
    .select((eb) => [eb.fn.countAll<number>().as('documents'), eb.fn.sum<number>('sentence_count').as('sentences'), eb.fn.sum<number>('word_count').as('words')])
    .executeTakeFirstOrThrow();
  const month = sql<string>`coalesce(substr(published, 1, 7), 'unknown')`;
  const byMonth = await store.db.selectFrom('document').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('documents')]).groupBy(month).orderBy(month).execute();
  const outlet = sql<string>`coalesce(outlet, '(unknown)')`;
  const byOutlet = await store.db.selectFrom('document').select([outlet.as('outlet'), (eb) => eb.fn.countAll<number>().as('documents')]).groupBy(outlet).orderBy(sql`count(*)`, 'desc').orderBy(outlet).execute();
  const byPublishedSource = await store.db.selectFrom('document').select(['published_source', (eb) => eb.fn.countAll<number>().as('documents')]).groupBy('published_source').orderBy('published_source').execute();
  const num = <T extends { documents: unknown }>(rows: T[]) => rows.map((r) => ({ ...r, documents: Number(r.documents) }));
  return {
    documents: Number(totals.documents),
    sentences: Number(totals.sentences ?? 0),
    words: Number(totals.words ?? 0),
    byMonth: num(byMonth),
    byOutlet: num(byOutlet),
    byPublishedSource: num(byPublishedSource),
  };
}
