import type { Document, RawDocument } from '../types.js';
import type { PipelineContext } from '../pipeline.js';
import type { Store } from '../store/db.js';
import { saveDocument } from '../store/documents.js';
import { fuseDocumentPending } from '../store/fusion.js';
import { finalizeDocument } from '../ingest/document.js';
import { parseSource } from '../ingest/load.js';
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import { JobDataSchema } from './job.js';

export interface ProcessDeps {
  process: (doc: Document) => PipelineContext;
  now: () => Date;
  pipelineVersion: string;
  /** Fetch options for page jobs (size and time caps). */
  fetch?: Omit<SafeFetchOptions, 'allowPrivate'>;
}

export interface JobOutcome {
  status: 'new' | 'duplicate';
  document_id: string;
  source: string;
  words: number;
}

/** The raw document of a page job: the fetched page's article, else the feed item's own text. */
async function pageDocument(url: string, item: RawDocument | null, allowPrivate: boolean, deps: ProcessDeps): Promise<RawDocument> {
  const page = await safeFetch(url, { ...deps.fetch, allowPrivate, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  const path = /\.(?:html?|xhtml)$/i.test(new URL(page.url).pathname) ? page.url : `${page.url}#.html`;
  const parsed = await parseSource({ path, bytes: page.body, sha256: '' });
  const doc = parsed.documents[0];
  if (!doc) throw new Error(`${url}: no article text on the page${parsed.failures[0] ? ` (${parsed.failures[0].reason})` : ''}`);
  return {
    ...doc,
    url: doc.url ?? page.url,
    sourcePath: url,
    title: doc.title ?? item?.title ?? null,
    outlet: doc.outlet ?? item?.outlet ?? null,
    published: doc.published ?? item?.published ?? null,
  };
}

/**
 * Run one queued job: settle the document, skip extraction when its content id is already
 * stored, else extract and save it in one transaction (`ON CONFLICT DO NOTHING` on the id, so a
 * concurrent or repeated job stores nothing twice), then fuse whatever of its events is not
 * fused yet. Throws on failure; the queue retries.
 */
export async function processJob(store: Store, data: unknown, deps: ProcessDeps): Promise<JobOutcome> {
  const parsed = JobDataSchema.safeParse(data);
  if (!parsed.success) throw new Error(`job data is not a Bilat ingest job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const job = parsed.data;
  const raw = job.kind === 'document' ? job.document : await pageDocument(job.url, job.item, job.allow_private, deps);
  const doc = finalizeDocument(raw, { published: job.settings.published, outlet: job.settings.outlet, maxYear: deps.now().getUTCFullYear() });
  const known = await store.db.selectFrom('document').select('id').where('id', '=', doc.id).executeTakeFirst();
  let status: JobOutcome['status'] = 'duplicate';
  if (!known) {
    const ctx = deps.process(doc);
    status = await saveDocument(store, { doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes }, { now: deps.now().toISOString(), pipelineVersion: deps.pipelineVersion });
  } else {
    await saveDocument(store, { doc, sentences: [], events: [], statistics: [], quotes: [] }, { now: deps.now().toISOString(), pipelineVersion: deps.pipelineVersion });
  }
  await fuseDocumentPending(store, doc.id);
  return { status, document_id: doc.id, source: raw.sourcePath, words: doc.word_count };
}
