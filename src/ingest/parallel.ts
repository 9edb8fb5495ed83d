import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RawDocument } from '../types.js';
import type { Store } from '../store/db.js';
import { sourceFileDocuments } from '../store/documents.js';
import { fusePending } from '../store/fusion.js';
import type { ItemFailure } from './errors.js';
import { reasonOf } from './errors.js';
import type { IngestSummary, ParallelStoreOptions } from './ingest.js';
import { readSource, type SourceBytes } from './load.js';
import { StoreBatch } from './store-batch.js';
import { WorkerPool } from './worker-pool.js';
import type { JobReply } from './worker-protocol.js';

export interface ParallelIngestOptions extends ParallelStoreOptions {
  /** Number of worker threads (at least 1). */
  workers: number;
  /** `--gazetteer` folders, resolved; the workers' BILAT_GAZETTEER comes from `env`. */
  gazetteerExtra?: string[];
  /** Environment of the worker threads (BILAT_GAZETTEER, BILAT_DATA, BILAT_DEBUG…). */
  env?: NodeJS.ProcessEnv;
  /** The worker script (default: `worker-thread.js` next to this module in dist/). */
  workerUrl?: URL;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

type ReadOutcome =
  | { kind: 'failed'; path: string; reason: string }
  | { kind: 'aborted' }
  | { kind: 'read'; source: SourceBytes; known: number | null; repeated: boolean };

type ParseOutcome =
  | { kind: 'failed'; path: string; reason: string }
  | { kind: 'skipped' }
  | { kind: 'parsed'; documents: RawDocument[]; failures: ItemFailure[]; results: Array<Deferred<JobReply>> };

interface Entry {
  file: string;
  path: string;
  read: Deferred<ReadOutcome>;
  parsed: Deferred<ParseOutcome>;
  parseStarted: boolean;
}

/** Counts permits; `acquire` waits while none is free. */
class Permits {
  private waiting: Array<() => void> = [];
  private open = false;
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.open) return;
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
  /** Let every waiter and every later caller through (on abort). */
  flush(): void {
    this.open = true;
    for (const w of this.waiting.splice(0)) w();
  }
}

/** The compiled worker script: next to this module, or in dist/ when this module runs from src/. */
export function defaultWorkerUrl(): URL {
  const here = new URL('./worker-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return pathToFileURL(fileURLToPath(here).replace(/([\\/])src([\\/]ingest[\\/])/, '$1dist$2'));
}

/**
 * `ingest --workers N`: the same batch as `ingestFiles`, with parsing and extraction in N worker
 * threads and one writer — this thread — that stores documents in input order, several per
 * transaction (`StoreBatch`). Because the writer keeps the order, counts, ids, duplicates and fusion are those
 * of a single-process run; only the wall time changes.
 *
 * Three loops share the work: a reader (file bytes and the "seen these bytes" check, a few files
 * ahead of the writer), a dispatcher (one extraction job per document, with a bounded number of
 * results waiting to be written, so memory stays flat on large batches) and the writer.
 */
export async function ingestFilesParallel(store: Store, files: string[], options: ParallelIngestOptions): Promise<IngestSummary> {
  const started = options.now().getTime();
  const summary: IngestSummary = { files: files.length, unchangedFiles: 0, new: 0, duplicate: 0, sentences: 0, words: 0, failures: [], interrupted: false, elapsedMs: 0 };
  if (options.fuse !== false) await fusePending(store);
  const workers = Math.max(1, Math.floor(options.workers));
  const pool = await WorkerPool.start(
    options.workerUrl ?? defaultWorkerUrl(),
    workers,
    {
      gazetteerExtra: options.gazetteerExtra ?? [],
      debug: options.env?.BILAT_DEBUG,
      encoding: options.encoding,
      finalize: { published: options.published, outlet: options.outlet, maxYear: options.maxYear },
    },
    options.env ?? process.env,
  );
  const entries: Entry[] = files.map((file) => ({ file, path: options.displayPath?.(file) ?? file, read: deferred(), parsed: deferred(), parseStarted: false }));
  const aheadFiles = new Permits(workers + 2);
  const waitingResults = new Permits(16 * workers);
  const abort = deferred<'aborted'>();
  const onAbort = () => {
    abort.resolve('aborted');
    aheadFiles.flush();
    waitingResults.flush();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = () => options.signal?.aborted === true;

  const startParse = (entry: Entry, source: SourceBytes) => {
    if (entry.parseStarted) return;
    entry.parseStarted = true;
    void pool.run({ kind: 'parse', path: entry.path, bytes: source.bytes, sha256: source.sha256 }).then((reply) => {
      if (reply.kind === 'parsed') entry.parsed.resolve({ kind: 'parsed', documents: reply.documents, failures: reply.failures, results: reply.documents.map(() => deferred<JobReply>()) });
      else if (reply.kind === 'error') entry.parsed.resolve({ kind: 'failed', path: reply.path && reply.path !== entry.file ? reply.path : entry.path, reason: reply.reason });
    });
  };

  const reader = async () => {
    const seen = new Set<string>();
    for (const entry of entries) {
      await aheadFiles.acquire();
      if (aborted()) {
        entry.read.resolve({ kind: 'aborted' });
        continue;
      }
      try {
        const source = await readSource(entry.file, options);
        const repeated = seen.has(source.sha256);
        seen.add(source.sha256);
        const known = entry.path === '-' ? null : await sourceFileDocuments(store, source.sha256);
        entry.read.resolve({ kind: 'read', source, known, repeated });
        // Bytes seen earlier in this batch are parsed only if the writer finds that earlier file unrecorded.
        if (known === null && !repeated) startParse(entry, source);
      } catch (err) {
        entry.read.resolve({ kind: 'failed', path: entry.path, reason: reasonOf(err) });
      }
    }
  };

  const dispatcher = async () => {
    for (const entry of entries) {
      const read = await entry.read.promise;
      if (read.kind !== 'read' || read.known !== null) continue;
      const parsed = await Promise.race([entry.parsed.promise, abort.promise]);
      if (parsed === 'aborted') return;
      if (parsed.kind !== 'parsed') continue;
      for (let k = 0; k < parsed.documents.length; k++) {
        await waitingResults.acquire();
        if (aborted()) return;
        const result = parsed.results[k]!;
        void pool.run({ kind: 'extract', raw: parsed.documents[k]! }).then(result.resolve, (err: unknown) => result.resolve({ id: 0, kind: 'error', path: null, reason: reasonOf(err) }));
      }
    }
  };

  const batch = new StoreBatch(store, options, summary);
  const writer = async () => {
    const now = () => options.now().toISOString();
    let done = 0;
    for (const entry of entries) {
      if (aborted()) {
        summary.interrupted = true;
        break;
      }
      await writeEntry(entry, now);
      aheadFiles.release();
      done++;
      if (done === files.length) await batch.flush();
      options.onProgress?.({ filesDone: done, filesTotal: files.length, new: summary.new, duplicate: summary.duplicate, failed: summary.failures.length, words: summary.words });
    }
    await batch.flush();
    if (aborted() && done < files.length) summary.interrupted = true;
  };

  const writeEntry = async (entry: Entry, now: () => string) => {
    const read = await entry.read.promise;
    if (read.kind === 'aborted') return;
    if (read.kind === 'failed') {
      summary.failures.push({ path: read.path, reason: read.reason });
      return;
    }
    // Bytes seen earlier in this batch: write what waits so that the check sees that file's record.
    if (read.repeated && batch.has(read.source.sha256)) await batch.flush();
    const known = read.repeated && entry.path !== '-' ? await sourceFileDocuments(store, read.source.sha256) : read.known;
    if (known !== null) {
      summary.unchangedFiles++;
      summary.duplicate += known;
      entry.parsed.resolve({ kind: 'skipped' });
      return;
    }
    startParse(entry, read.source);
    const parsed = await Promise.race([entry.parsed.promise, abort.promise]);
    if (parsed === 'aborted' || parsed.kind === 'skipped') return;
    if (parsed.kind === 'failed') {
      summary.failures.push({ path: parsed.path, reason: parsed.reason });
      return;
    }
    for (const f of parsed.failures) summary.failures.push({ path: f.sourcePath, reason: f.reason });
    let completed = true;
    for (let k = 0; k < parsed.documents.length; k++) {
      const reply = aborted() ? 'aborted' : await Promise.race([parsed.results[k]!.promise, abort.promise]);
      if (reply === 'aborted') {
        completed = false;
        break;
      }
      const raw = parsed.documents[k]!;
      try {
        if (reply.kind === 'processed') await batch.add(reply.processed, raw.sourcePath);
        else if (reply.kind === 'error') summary.failures.push({ path: reply.path ?? raw.sourcePath, reason: reply.reason });
      } catch (err) {
        summary.failures.push({ path: raw.sourcePath, reason: reasonOf(err) });
      } finally {
        waitingResults.release();
      }
    }
    if (completed && entry.path !== '-') {
      batch.addSource({ sha256: read.source.sha256, path: entry.path, size: read.source.bytes.length, documents: parsed.documents.length, failures: parsed.failures.length, now: now() });
    }
  };

  try {
    await Promise.all([reader(), dispatcher(), writer()]);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  summary.elapsedMs = options.now().getTime() - started;
  return summary;
}
