/** A finished response, kept as plain data so it can be served many times. */
export interface CachedResponse {
  status: number;
  /** Encoded once, written as is to every client. */
  body: Uint8Array;
  headers: Record<string, string>;
  /** The body gzipped once (when it is large enough to gain), for clients that accept gzip. */
  gzip?: Uint8Array;
  /** A strong validator of the body, for `If-None-Match` (set on answers that are cached). */
  etag?: string;
  /** Headers written with `gzip` (Content-Encoding, Vary, ETag included), built once. */
  gzipHeaders?: Record<string, string>;
}

interface Entry {
  value: CachedResponse;
  at: number;
  /** How long this entry stays fresh: at least ttlMs, longer for answers that were slow to compute. */
  ttl: number;
  refreshing: boolean;
}

/**
 * A small response cache for GET requests: fresh entries (younger than `ttlMs`) are served as
 * they are; a stale entry is served once more while it is recomputed in the background (so a
 * slow query never holds up the requests queued behind it); concurrent misses for one key share
 * one computation. An answer that took d ms to compute stays fresh for max(ttlMs, 10·d), so a
 * slow endpoint cannot keep the (single-threaded) server busy recomputing it. Entries older than
 * 30 times their freshness are never served. `clear()` drops everything (after a write through
 * the API).
 *
 * @example const cache = new ResponseCache({ ttlMs: 1000 }); const r = await cache.get(url, compute);
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedResponse>>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: { ttlMs: number; maxEntries?: number; maxBytes?: number; now?: () => number }) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  async get(key: string, compute: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < entry.ttl) return entry.value;
    if (entry && age < entry.ttl * 30) {
      if (!entry.refreshing) {
        entry.refreshing = true;
        this.load(key, compute).catch(() => this.entries.delete(key));
      }
      return entry.value;
    }
    return this.load(key, compute);
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
    this.generation++;
  }

  private load(key: string, compute: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const running = this.pending.get(key);
    if (running) return running;
    const generation = this.generation;
    const started = this.now();
    const p = compute()
      .then((value) => {
        if (generation === this.generation && value.status === 200 && value.body.length <= this.maxBytes) {
          const at = this.now();
          this.entries.delete(key);
          this.entries.set(key, { value, at, ttl: Math.max(this.ttlMs, 10 * (at - started)), refreshing: false });
          if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        }
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === p) this.pending.delete(key);
      });
    this.pending.set(key, p);
    return p;
  }
}
