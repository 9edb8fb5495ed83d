import type { RawDocument } from '../types.js';
import type { Store } from '../store/db.js';
import type { ItemFailure } from '../ingest/errors.js';
import { FetchError, safeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import type { HostPacer } from './pacer.js';
import { itemKey, readFeedBytes } from './read-feed.js';

/**
 * Polling RSS/Atom feeds politely (`bilat watch`): a conditional GET with the validators of the
 * last successful poll, a per-host delay, and exponential backoff after failures (honouring
 * `Retry-After`). Items already taken from a feed are remembered, and a poll's validators and
 * items are committed only after its new items were delivered, so a crash in between repeats
 * the delivery rather than losing it.
 */
export interface PollOptions {
  everyMs: number;
  /** Longest wait after repeated failures (default 6 hours, or `everyMs` if longer). */
  maxBackoffMs?: number;
  allowPrivate: boolean;
  pacer: HostPacer;
  now: () => Date;
  fetch?: Omit<SafeFetchOptions, 'allowPrivate' | 'etag' | 'lastModified'>;
}

export interface PollOutcome {
  url: string;
  status: 'updated' | 'not-modified' | 'error';
  items: RawDocument[];
  failures: ItemFailure[];
  error?: string;
  nextPollAt: Date;
  /** Remember these items (and the response validators) as taken. */
  commit(items: RawDocument[]): Promise<void>;
}

const CHUNK = 300;

async function feedRow(store: Store, url: string) {
  const row = await store.db.selectFrom('feed').selectAll().where('url', '=', url).executeTakeFirst();
  if (row) return row;
  const fresh = { url, etag: null, last_modified: null, polled_at: null, next_poll_at: null, failures: 0, last_error: null, items: 0 };
  await store.db.insertInto('feed').values(fresh).onConflict((oc) => oc.column('url').doNothing()).execute();
  return fresh;
}

/** When a feed is next due (now if never polled). */
export async function nextPollAt(store: Store, url: string, now: Date): Promise<Date> {
  const row = await store.db.selectFrom('feed').select('next_poll_at').where('url', '=', url).executeTakeFirst();
  return row?.next_poll_at ? new Date(row.next_poll_at) : now;
}

async function unseen(store: Store, url: string, items: RawDocument[]): Promise<RawDocument[]> {
  const byKey = new Map<string, RawDocument>();
  for (const item of items) if (!byKey.has(itemKey(item))) byKey.set(itemKey(item), item);
  const keys = [...byKey.keys()];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await store.db.selectFrom('feed_item').select('item_key').where('feed_url', '=', url).where('item_key', 'in', keys.slice(i, i + CHUNK)).execute();
    for (const r of rows) seen.add(r.item_key);
  }
  return [...byKey.entries()].filter(([k]) => !seen.has(k)).map(([, item]) => item);
}

/** Poll one feed once. Never throws for feed problems: they come back as `status: 'error'`. */
export async function pollFeed(store: Store, url: string, options: PollOptions): Promise<PollOutcome> {
  const row = await feedRow(store, url);
  const now = options.now();
  const next = new Date(now.getTime() + options.everyMs);
  await options.pacer.wait(url);
  try {
    const res = await safeFetch(url, {
      ...options.fetch,
      allowPrivate: options.allowPrivate,
      etag: row.etag,
      lastModified: row.last_modified,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    });
    const base = { polled_at: now.toISOString(), next_poll_at: next.toISOString(), failures: 0, last_error: null };
    if (res.notModified) {
      await store.db.updateTable('feed').set(base).where('url', '=', url).execute();
      return { url, status: 'not-modified', items: [], failures: [], nextPollAt: next, commit: async () => undefined };
    }
    const feed = await readFeedBytes(url, res.body);
    const items = await unseen(store, url, feed.items);
    await store.db.updateTable('feed').set(base).where('url', '=', url).execute();
    return {
      url,
      status: 'updated',
      items,
      failures: feed.failures,
      nextPollAt: next,
      commit: async (taken) => {
        const seenAt = options.now().toISOString();
        const rows = taken.map((item) => ({ feed_url: url, item_key: itemKey(item), seen_at: seenAt }));
        for (let i = 0; i < rows.length; i += CHUNK) await store.db.insertInto('feed_item').values(rows.slice(i, i + CHUNK)).onConflict((oc) => oc.doNothing()).execute();
        // Validators only once everything new was taken: a partial delivery must see the items again.
        const complete = taken.length === items.length;
        await store.db
          .updateTable('feed')
          .set((eb) => ({ items: eb('items', '+', taken.length), ...(complete ? { etag: res.etag, last_modified: res.lastModified } : {}) }))
          .where('url', '=', url)
          .execute();
      },
    };
  } catch (err) {
    const failures = row.failures + 1;
    const cap = Math.max(options.maxBackoffMs ?? 6 * 3_600_000, options.everyMs);
    const retryAfter = err instanceof FetchError && err.retryAfter !== null ? err.retryAfter * 1000 : 0;
    const wait = Math.max(Math.min(options.everyMs * 2 ** Math.min(failures, 20), cap), retryAfter);
    const at = new Date(now.getTime() + wait);
    const message = (err as Error).message;
    await store.db.updateTable('feed').set({ polled_at: now.toISOString(), next_poll_at: at.toISOString(), failures, last_error: message }).where('url', '=', url).execute();
    return { url, status: 'error', items: [], failures: [], error: message, nextPollAt: at, commit: async () => undefined };
  }
}

export interface WatchOptions extends PollOptions {
  /** Poll every feed once and return. */
  once: boolean;
  signal?: AbortSignal;
  /** Take a poll's new items (enqueue or ingest them); returns the items taken. */
  deliver: (items: RawDocument[], feedUrl: string) => Promise<RawDocument[]>;
  onPoll?: (outcome: PollOutcome, taken: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface WatchSummary {
  polls: number;
  errors: number;
  taken: number;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Poll feeds when they are due, until stopped (or once). */
export async function watchFeeds(store: Store, urls: string[], options: WatchOptions): Promise<WatchSummary> {
  const summary: WatchSummary = { polls: 0, errors: 0, taken: 0 };
  const sleep = options.sleep ?? abortableSleep;
  const due = new Map<string, number>();
  for (const url of urls) due.set(url, options.once ? 0 : (await nextPollAt(store, url, options.now())).getTime());
  while (!options.signal?.aborted) {
    const now = options.now().getTime();
    for (const url of urls) {
      if (options.signal?.aborted) break;
      if (due.get(url)! > now) continue;
      const outcome = await pollFeed(store, url, options);
      summary.polls++;
      let taken: RawDocument[] = [];
      if (outcome.status === 'error') summary.errors++;
      else if (outcome.items.length) taken = await options.deliver(outcome.items, url);
      await outcome.commit(taken);
      summary.taken += taken.length;
      due.set(url, outcome.nextPollAt.getTime());
      options.onPoll?.(outcome, taken.length);
    }
    if (options.once) break;
    const wait = Math.min(...due.values()) - options.now().getTime();
    if (wait > 0) await sleep(Math.min(wait, 60_000), options.signal);
  }
  return summary;
}
