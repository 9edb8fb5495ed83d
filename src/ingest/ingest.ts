import type { Document } from '../types.js';
import type { PipelineContext } from '../pipeline.js';
import type { Store } from '../store/db.js';
import { sourceFileDocuments } from '../store/documents.js';
import { fusePending } from '../store/fusion.js';
import { finalizeDocument, type FinalizeOptions } from './document.js';
import { InputError, reasonOf } from './errors.js';
import { createHash } from 'node:crypto';
import { DEFAULT_MAX_BYTES, parseSource, readSource, type LoadOptions, type SourceBytes } from './load.js';
import { StoreBatch } from './store-batch.js';

export interface Failure {
  path: string;
  reason: string;
}

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  new: number;
  duplicate: number;
  failed: number;
  words: number;
}

/** A stored or skipped document, for `--verbose` output. */
export interface DocumentEvent {
  status: 'new' | 'duplicate';
  doc: Pick<Document, 'id' | 'title' | 'source_path'>;
}

export interface IngestOptions extends LoadOptions, FinalizeOptions {
  /** Runs the extraction pipeline on a document (injected so tests and workers can swap it). */
  process: (doc: Document) => PipelineContext;
  now: () => Date;
  pipelineVersion: string;
  /** Stops between documents; what is stored stays stored and a re-run resumes. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /**
   * Fuse each new document's events into the fused events right after saving it (default true;
   * docs/fusion.md). Fusion runs in its own transaction just after the document's: if the process
   * stops in between, the events stay pending and `bilat fuse` (or the next ingest) fuses them.
   */
  fuse?: boolean;
  /** Called for each stored or skipped document (for `--verbose` output). */
  onDocument?: (event: DocumentEvent) => void;
  /** How a file path is reported and stored (e.g. relative to the working folder). */
  displayPath?: (path: string) => string;
}

export interface IngestSummary {
  files: number;
  /** Files skipped without parsing because their exact bytes were ingested before. */
  unchangedFiles: number;
  new: number;
  duplicate: number;
  sentences: number;
  words: number;
  failures: Failure[];
  interrupted: boolean;
  elapsedMs: number;
}

/**
 * Ingest files into the store: read, settle identity and dates, run the pipeline, save the
 * documents (several per transaction, `StoreBatch`; a document that fails to save fails alone).
 * A bad file or item is reported and the batch goes on.
 */
export async function ingestFiles(store: Store, files: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = options.now().getTime();
  const summary: IngestSummary = { files: files.length, unchangedFiles: 0, new: 0, duplicate: 0, sentences: 0, words: 0, failures: [], interrupted: false, elapsedMs: 0 };
  const progress = (done: number) =>
    options.onProgress?.({ filesDone: done, filesTotal: files.length, new: summary.new, duplicate: summary.duplicate, failed: summary.failures.length, words: summary.words });
  let done = 0;
  // Events an earlier run stored but did not get to fuse (it stopped between the two transactions).
  if (options.fuse !== false) await fusePending(store);
  const batch = new StoreBatch(store, options, summary);
  for (const path of files) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    await ingestOne(store, path, options, summary, batch);
    done++;
    if (done === files.length) await batch.flush();
    progress(done);
  }
  await batch.flush();
  if (options.signal?.aborted && done < files.length) summary.interrupted = true;
  summary.elapsedMs = options.now().getTime() - started;
  return summary;
}

/**
 * Ingest sources already in memory (e.g. uploads to `POST /documents`): the same path as files,
 * except that every source is parsed, so each document reports its id as new or duplicate.
 * `name` picks the reader by extension, like a file name.
 */
export async function ingestBuffers(store: Store, items: Array<{ name: string; bytes: Uint8Array }>, options: IngestOptions): Promise<IngestSummary> {
  const started = options.now().getTime();
  const summary: IngestSummary = { files: items.length, unchangedFiles: 0, new: 0, duplicate: 0, sentences: 0, words: 0, failures: [], interrupted: false, elapsedMs: 0 };
  if (options.fuse !== false) await fusePending(store);
  const batch = new StoreBatch(store, options, summary);
  for (const item of items) {
    try {
      if (item.bytes.length === 0) throw new InputError(item.name, 'empty file');
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (item.bytes.length > maxBytes) throw new InputError(item.name, `file too large (${item.bytes.length} bytes > ${maxBytes} limit)`);
      await ingestSource(store, { path: item.name, bytes: item.bytes, sha256: createHash('sha256').update(item.bytes).digest('hex') }, item.name, options, summary, batch);
    } catch (err) {
      summary.failures.push({ path: err instanceof InputError ? err.path : item.name, reason: reasonOf(err) });
    }
  }
  await batch.flush();
  summary.elapsedMs = options.now().getTime() - started;
  return summary;
}

async function ingestOne(store: Store, file: string, options: IngestOptions, summary: IngestSummary, batch: StoreBatch): Promise<void> {
  const path = options.displayPath?.(file) ?? file;
  try {
    const source = await readSource(file, options);
    if (path !== '-') {
      // The same bytes earlier in this run, not written yet: write them so that the check sees them.
      if (batch.has(source.sha256)) await batch.flush();
      const known = await sourceFileDocuments(store, source.sha256);
      if (known !== null) {
        summary.unchangedFiles++;
        summary.duplicate += known;
        return;
      }
    }
    await ingestSource(store, source, path, options, summary, batch);
  } catch (err) {
    summary.failures.push({ path: err instanceof InputError && err.path !== file ? err.path : path, reason: reasonOf(err) });
  }
}

/** Parse read bytes, then process each document and queue it for saving, then the source file's record. */
async function ingestSource(store: Store, source: SourceBytes, path: string, options: IngestOptions, summary: IngestSummary, batch: StoreBatch): Promise<void> {
  const now = () => options.now().toISOString();
  const loaded = await parseSource({ ...source, path }, options);
  for (const f of loaded.failures) summary.failures.push({ path: f.sourcePath, reason: f.reason });
  let completed = true;
  for (const raw of loaded.documents) {
    if (options.signal?.aborted) {
      completed = false;
      break;
    }
    try {
      const doc = finalizeDocument(raw, options);
      await batch.add(options.process(doc), raw.sourcePath);
    } catch (err) {
      summary.failures.push({ path: raw.sourcePath, reason: reasonOf(err) });
    }
  }
  if (completed && path !== '-') {
    batch.addSource({ sha256: source.sha256, path, size: source.bytes.length, documents: loaded.documents.length, failures: loaded.failures.length, now: now() });
  }
}

/** What the store needs from a processed document (a pipeline context, or one sent by a worker thread). */
export type Processed = Pick<PipelineContext, 'doc' | 'sentences' | 'events' | 'statistics' | 'quotes'>;

/** The part of IngestOptions the storing side uses (everything but the in-thread processor). */
export type ParallelStoreOptions = Omit<IngestOptions, 'process'>;
