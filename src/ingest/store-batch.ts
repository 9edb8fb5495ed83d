import type { Store } from '../store/db.js';
import { recordSourceFile, saveBatch, saveDocument, type BatchWrite, type SourceFileRow } from '../store/documents.js';
import { fuseDocument, fuseEvents } from '../store/fusion.js';
import { reasonOf } from './errors.js';
import type { IngestSummary, ParallelStoreOptions, Processed } from './ingest.js';

/** Documents written per transaction on ingest. */
export const BATCH_DOCUMENTS = 64;

interface Pending {
  write: BatchWrite;
  /** For documents: what was processed, and the path a failure is reported under. */
  processed?: Processed;
  path: string;
}

/**
 * The ingest writer's queue: processed documents and source-file records, written in input order
 * in one transaction per `size` documents (`saveBatch`), then fused together (`fuse`) and counted
 * and reported one document at a time, as if each had been saved alone. A source file is still recorded after its
 * documents (in the same transaction or a later one), so an interrupted run resumes as before.
 * When a batch fails, its writes are retried one transaction each, so a bad document fails alone
 * and leaves nothing behind.
 *
 * Callers flush before anything that must see the store up to date: the end of a run, an abort,
 * and the "were these bytes ingested?" check for bytes that wait in the batch (`has`).
 */
export class StoreBatch {
  private pending: Pending[] = [];
  private documents = 0;
  private sources = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly options: ParallelStoreOptions,
    private readonly summary: IngestSummary,
    private readonly size = BATCH_DOCUMENTS,
  ) {}

  /** Queue a processed document; `path` names it in a failure. Writes the batch when it is full. */
  async add(ctx: Processed, path: string): Promise<void> {
    const item = { doc: ctx.doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes };
    this.pending.push({ write: { kind: 'document', item, ctx: { now: this.options.now().toISOString(), pipelineVersion: this.options.pipelineVersion } }, processed: ctx, path });
    if (++this.documents >= this.size) await this.flush();
  }

  /** Queue the record of a source file whose documents were queued before it. */
  addSource(row: SourceFileRow): void {
    this.pending.push({ write: { kind: 'source', row }, path: row.path });
    this.sources.add(row.sha256);
  }

  /** True when a source file with these bytes waits to be recorded. */
  has(sha256: string): boolean {
    return this.sources.has(sha256);
  }

  /** Write everything queued, then count, fuse and report each document in order. */
  async flush(): Promise<void> {
    const pending = this.pending;
    if (!pending.length) return;
    this.pending = [];
    this.documents = 0;
    this.sources.clear();
    let results: Array<'new' | 'duplicate' | 'source' | Error>;
    try {
      results = await saveBatch(
        this.store,
        pending.map((p) => p.write),
      );
    } catch {
      results = [];
      for (const p of pending) {
        try {
          if (p.write.kind === 'document') results.push(await saveDocument(this.store, p.write.item, p.write.ctx));
          else {
            await recordSourceFile(this.store, p.write.row);
            results.push('source');
          }
        } catch (err) {
          results.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
    }
    const fusionErrors = await this.fuse(pending, results);
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i]!;
      const status = results[i]!;
      try {
        if (status instanceof Error) throw status;
        if (status === 'source') continue;
        this.summary[status]++;
        const fusionError = fusionErrors.get(i);
        if (fusionError) throw fusionError;
        this.stored(p.processed!, status);
      } catch (err) {
        this.summary.failures.push({ path: p.path, reason: reasonOf(err) });
      }
    }
  }

  /**
   * Fuse the events of the batch's new documents in one fusion transaction. Incremental fusion
   * reclusters the whole connected group of what it adds, so its result does not depend on how
   * new events are grouped into calls (docs/fusion.md); when the call fails, each document is
   * fused on its own so that a failure is reported for the document it belongs to.
   *
   * @returns the fusion error of each pending write that has one
   */
  private async fuse(pending: Pending[], results: Array<'new' | 'duplicate' | 'source' | Error>): Promise<Map<number, Error>> {
    const errors = new Map<number, Error>();
    if (this.options.fuse === false) return errors;
    const fresh = pending.flatMap((p, i) => (results[i] === 'new' && p.processed!.events.length ? [i] : []));
    if (!fresh.length) return errors;
    try {
      await fuseEvents(
        this.store,
        fresh.flatMap((i) => pending[i]!.processed!.events.map((e) => e.id).sort()),
      );
    } catch {
      for (const i of fresh) {
        try {
          await fuseDocument(this.store, pending[i]!.processed!.doc.id);
        } catch (err) {
          errors.set(i, err instanceof Error ? err : new Error(String(err)));
        }
      }
    }
    return errors;
  }

  /** Count a new document's sentences and words, and report it. */
  private stored(ctx: Processed, status: 'new' | 'duplicate'): void {
    const { summary, options } = this;
    if (status === 'new') {
      summary.sentences += ctx.sentences.length;
      summary.words += ctx.doc.word_count;
    }
    options.onDocument?.({ status, doc: ctx.doc });
  }
}
