import type { Kysely, Transaction } from 'kysely';
import type { Document, EventRecord, QuoteRecord, Sentence, StatisticRecord } from '../types.js';
import type { Database } from './schema.js';
import type { Store } from './db.js';
import { insertEventPairs, recordPairRows } from './event-pairs.js';

export interface StoredExtraction {
  doc: Document;
  sentences: Sentence[];
  events: EventRecord[];
  statistics: StatisticRecord[];
  quotes: QuoteRecord[];
}

export interface SaveContext {
  /** ISO timestamp from the injected clock. */
  now: string;
  pipelineVersion: string;
}

const CHUNK = 400;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Store a processed document and everything extracted from it in one transaction. A document
 * whose content id is already stored is not written again; only the new source path is noted.
 *
 * @returns `new` or `duplicate`
 */
export async function saveDocument(store: Store, item: StoredExtraction, ctx: SaveContext): Promise<'new' | 'duplicate'> {
  return store.db.transaction().execute((trx) => writeDocument(trx, item, ctx));
}

/** A source file to record after its documents (see `recordSourceFile`). */
export interface SourceFileRow {
  sha256: string;
  path: string;
  size: number;
  documents: number;
  failures: number;
  now: string;
}

/** One write of a batch: a processed document, or the record of a source file whose documents came before it. */
export type BatchWrite = { kind: 'document'; item: StoredExtraction; ctx: SaveContext } | { kind: 'source'; row: SourceFileRow };

/**
 * Several writes in one transaction, in order, with exactly the statements `saveDocument` and
 * `recordSourceFile` run one by one: the stored rows (and their row ids) are the same, only the
 * number of commits changes. On SQLite a commit, with the full-text index flushing its pending
 * terms, costs about as much as a document's inserts, so ingest writes documents in batches.
 *
 * @returns the status of each write (`new`/`duplicate` for documents, `source` for source files)
 */
export async function saveBatch(store: Store, writes: BatchWrite[]): Promise<Array<'new' | 'duplicate' | 'source'>> {
  return store.db.transaction().execute(async (trx) => {
    const out: Array<'new' | 'duplicate' | 'source'> = [];
    for (const w of writes) {
      if (w.kind === 'document') out.push(await writeDocument(trx, w.item, w.ctx));
      else {
        await writeSourceFile(trx, w.row);
        out.push('source');
      }
    }
    return out;
  });
}

async function writeDocument(trx: Transaction<Database>, item: StoredExtraction, ctx: SaveContext): Promise<'new' | 'duplicate'> {
  const inserted = await insertDocumentRow(trx, item, ctx);
  await trx
    .insertInto('document_source')
    .values({ document_id: item.doc.id, source_path: item.doc.source_path, seen_at: ctx.now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (!inserted) return 'duplicate';
  await insertChunks(item.sentences, (chunk) =>
    trx
      .insertInto('sentence')
      .values(chunk.map((s) => ({ document_id: item.doc.id, idx: s.index, char_start: s.start, char_end: s.end })))
      .execute(),
  );
  await writeExtractions(trx, item.doc.id, item);
  return 'new';
}

/**
 * Insert the document row unless its id exists. `ON CONFLICT DO NOTHING` makes concurrent
 * writers of the same document safe: the second one sees zero inserted rows.
 */
async function insertDocumentRow(trx: Transaction<Database>, item: StoredExtraction, ctx: SaveContext): Promise<boolean> {
  const d = item.doc;
  const result = await trx
    .insertInto('document')
    .values({
      id: d.id,
      title: d.title,
      url: d.url,
      outlet: d.outlet,
      language: d.language,
      published: d.published,
      published_source: d.published_source,
      format: d.format,
      source_path: d.source_path,
      text: d.text,
      word_count: d.word_count,
      sentence_count: item.sentences.length,
      ingested_at: ctx.now,
      pipeline_version: ctx.pipelineVersion,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Insert the events (with their parties and country pairs), statistics and quotes of one
 * document (used on ingest and re-extraction). Deleting an event deletes its parties and pairs
 * (cascade), so a re-extraction deletes the old events and calls this again.
 */
export async function writeExtractions(db: Kysely<Database>, documentId: string, item: Pick<StoredExtraction, 'events' | 'statistics' | 'quotes'>): Promise<void> {
  await writeExtractionsOf(db, [{ documentId, ...item }]);
}

/** `writeExtractions` for several documents at once, in multi-row statements across them (bulk loads). */
export async function writeExtractionsOf(db: Kysely<Database>, items: Array<{ documentId: string } & Pick<StoredExtraction, 'events' | 'statistics' | 'quotes'>>): Promise<void> {
  const events = items.flatMap((item) => item.events.map((e) => ({ e, documentId: item.documentId })));
  await insertChunks(events, (chunk) =>
    db
      .insertInto('event')
      .values(
        chunk.map(({ e, documentId }) => ({
          id: e.id,
          document_id: documentId,
          sentence_idx: e.evidence.sentence_index ?? 0,
          event_type: e.event_type,
          mode: e.mode,
          quad: e.quad,
          score: e.score,
          contexts: `,${e.contexts.join(',')},`,
          date_start: e.date?.start ?? null,
          date_end: e.date?.end ?? null,
          date_precision: e.date?.precision ?? null,
          location_country: e.location?.country ?? null,
          negated: e.negated ? 1 : 0,
          future: e.future ? 1 : 0,
          hypothetical: e.hypothetical ? 1 : 0,
          historical: e.historical ? 1 : 0,
          char_start: e.evidence.start,
          char_end: e.evidence.end,
          rule: e.rule,
          record: JSON.stringify(e),
        })),
      )
      .execute(),
  );
  const actors = events.flatMap(({ e }) =>
    (['actor', 'recipient'] as const).flatMap((role) =>
      e[role].map((a, position) => ({
        event_id: e.id,
        role,
        position,
        text: a.text,
        name: a.name,
        country: a.country,
        sector: a.sector,
        actor_id: a.id ?? null,
      })),
    ),
  );
  await insertChunks(actors, (chunk) => db.insertInto('event_actor').values(chunk).execute());
  // The events' country pairs (migration 0008-event-pairs), for dyad filters on the event list.
  await insertEventPairs(db, events.flatMap(({ e, documentId }) => recordPairRows(e, documentId)));
  const statistics = items.flatMap((item) => item.statistics.map((s) => ({ s, documentId: item.documentId })));
  await insertChunks(statistics, (chunk) =>
    db
      .insertInto('statistic')
      .values(
        chunk.map(({ s, documentId }) => ({
          id: s.id,
          document_id: documentId,
          sentence_idx: s.evidence.sentence_index ?? 0,
          value: s.value,
          unit: s.unit,
          measure: s.measure,
          period_start: s.period?.start ?? null,
          period_end: s.period?.end ?? null,
          consistent: s.change?.consistent === undefined || s.change?.consistent === null ? null : s.change.consistent ? 1 : 0,
          char_start: s.evidence.start,
          char_end: s.evidence.end,
          rule: s.rule,
          record: JSON.stringify(s),
        })),
      )
      .execute(),
  );
  const quotes = items.flatMap((item) => item.quotes.map((q) => ({ q, documentId: item.documentId })));
  await insertChunks(quotes, (chunk) =>
    db
      .insertInto('quote')
      .values(
        chunk.map(({ q, documentId }) => ({
          id: q.id,
          document_id: documentId,
          sentence_idx: q.evidence.sentence_index ?? 0,
          direct: q.direct ? 1 : 0,
          speaker_name: q.speaker?.name ?? q.speaker?.text ?? null,
          speaker_country: q.speaker?.country ?? null,
          speaker_id: q.speaker?.id ?? null,
          char_start: q.evidence.start,
          char_end: q.evidence.end,
          rule: q.rule,
          record: JSON.stringify(q),
        })),
      )
      .execute(),
  );
}

/** Number of documents a file with these exact bytes yielded when it was ingested, or null if never. */
export async function sourceFileDocuments(store: Store, sha256: string): Promise<number | null> {
  const row = await store.db.selectFrom('source_file').select('documents').where('sha256', '=', sha256).executeTakeFirst();
  return row ? Number(row.documents) : null;
}

export async function recordSourceFile(store: Store, row: SourceFileRow): Promise<void> {
  await writeSourceFile(store.db, row);
}

async function writeSourceFile(db: Kysely<Database>, row: SourceFileRow): Promise<void> {
  await db
    .insertInto('source_file')
    .values({ sha256: row.sha256, path: row.path, size: row.size, documents: row.documents, failures: row.failures, seen_at: row.now })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ path: row.path, seen_at: row.now }))
    .execute();
}
