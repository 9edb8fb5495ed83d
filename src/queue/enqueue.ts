import type PgBoss from 'pg-boss';
import type { Failure } from '../ingest/ingest.js';
import { InputError } from '../ingest/errors.js';
import { parseSource, readSource, type LoadOptions } from '../ingest/load.js';
import { readFeedBytes } from '../feeds/read-feed.js';
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import { DEFAULT_POLICY, INGEST_QUEUE, type QueuePolicy } from './boss.js';
import { documentJob, pageJob, type JobData, type JobSettings } from './job.js';

export interface EnqueueOptions extends LoadOptions {
  settings: JobSettings;
  policy?: Partial<QueuePolicy>;
  allowPrivate?: boolean;
  fetch?: Omit<SafeFetchOptions, 'allowPrivate'>;
  displayPath?: (path: string) => string;
  onProgress?: (queued: number) => void;
}

export interface EnqueueSummary {
  files: number;
  feeds: number;
  queued: number;
  failures: Failure[];
}

const BATCH = 500;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Put jobs on the ingest queue with the retry and expiry policy, in batches. */
export async function insertJobs(boss: PgBoss, jobs: JobData[], policy: Partial<QueuePolicy> = {}): Promise<void> {
  const p = { ...DEFAULT_POLICY, ...policy };
  for (let i = 0; i < jobs.length; i += BATCH) {
    await boss.insert(
      jobs.slice(i, i + BATCH).map((data) => ({
        name: INGEST_QUEUE,
        data: data as object,
        retryLimit: p.retryLimit,
        retryDelay: p.retryDelay,
        retryBackoff: true,
        expireInSeconds: p.expireInSeconds,
      })),
    );
  }
}

/** Jobs for a feed's items: a page job per item with a link, else a document job. */
export function feedItemJobs(items: Awaited<ReturnType<typeof readFeedBytes>>['items'], settings: JobSettings, allowPrivate: boolean): JobData[] {
  return items.map((item) => (item.url ? pageJob(item.url, item, settings, allowPrivate) : documentJob(item, settings)));
}

/**
 * Read files (one job per document they hold) and fetch feeds (one job per item) and queue
 * them. A bad file or feed is reported and the rest still go on the queue.
 */
export async function enqueueInputs(boss: PgBoss, files: string[], feeds: string[], options: EnqueueOptions): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { files: files.length, feeds: feeds.length, queued: 0, failures: [] };
  const flush = async (jobs: JobData[]) => {
    await insertJobs(boss, jobs, options.policy);
    summary.queued += jobs.length;
    options.onProgress?.(summary.queued);
  };
  for (const file of files) {
    const path = options.displayPath?.(file) ?? file;
    try {
      const loaded = await parseSource({ ...(await readSource(file, options)), path }, options);
      for (const f of loaded.failures) summary.failures.push({ path: f.sourcePath, reason: f.reason });
      await flush(loaded.documents.map((d) => documentJob(d, options.settings)));
    } catch (err) {
      summary.failures.push({ path: err instanceof InputError && err.path !== file ? err.path : path, reason: (err as Error).message });
    }
  }
  for (const url of feeds) {
    try {
      const page = await safeFetch(url, { ...options.fetch, allowPrivate: options.allowPrivate ?? false, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' });
      const feed = await readFeedBytes(url, page.body);
      for (const f of feed.failures) summary.failures.push({ path: f.sourcePath, reason: f.reason });
      await flush(feedItemJobs(feed.items, options.settings, options.allowPrivate ?? false));
    } catch (err) {
      summary.failures.push({ path: url, reason: (err as Error).message });
    }
  }
  return summary;
}
