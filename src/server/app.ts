import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { ZodError } from 'zod';
import { getGazetteer, type Gazetteer } from '../knowledge/gazetteer.js';
import type { Store } from '../store/db.js';
import { SearchQueryError } from '../store/queries/search.js';
import { toCsv } from '../util/csv.js';
import { packageVersion } from '../knowledge/paths.js';
import { bearerMatches } from './auth.js';
import { ResponseCache, type CachedResponse } from './cache.js';
import { HeavyWorker } from './heavy-worker.js';
import type { Deps, Endpoint, Format, Result } from './endpoint.js';
import { ApiError, badRequest } from './errors.js';
import { openApiDocument } from './openapi.js';
import { knownActor, parseQuery } from './params.js';
import { analysisEndpoints } from './routes/analysis.js';
import { documentEndpoints } from './routes/documents.js';
import { eventEndpoints } from './routes/events.js';
import { recordEndpoints } from './routes/records.js';
import { searchEndpoints } from './routes/search.js';
import { documentWriter, MAX_UPLOAD_BYTES } from './routes/write.js';
import { dashboardFile, hasDashboard, placeholderPage } from './static.js';

export interface AppOptions {
  store: Store;
  /** Accept `POST /documents` (also needs `token`). */
  allowWrite?: boolean;
  /** The bearer token writes must carry (`BILAT_TOKEN`). */
  token?: string;
  /** The built dashboard (`web/dist`); `/` shows a short page when it is missing. */
  webRoot?: string;
  /** Default: the gazetteer of `BILAT_GAZETTEER` and the bundled data. */
  gazetteer?: Gazetteer;
  /**
   * GET responses are reused for this long (default 1000 ms; 0 turns it off); a stale one is served
   * once more while it is recomputed. Writes through the API clear it. On SQLite the server also
   * sees other processes' commits (`PRAGMA data_version`, checked at most every 250 ms): the cache
   * is cleared when the data changed, and answers are kept up to a minute while it did not.
   */
  cacheMs?: number;
  /**
   * The database location (unredacted) for a worker thread that answers the heavy endpoints
   * (index, indicators, brief, impact) off the main thread. Without it they run inline.
   */
  workerDb?: string;
  /** Largest `POST /documents` body in bytes (default 10 MB). */
  maxUploadBytes?: number;
  now?: () => Date;
  /** Where unexpected errors are logged (default stderr). */
  log?: (line: string) => void;
}

const MEDIA: Record<Format, string> = { json: 'application/json', csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson' };

/** Every GET endpoint of the API, in the order of the OpenAPI document. */
export function apiEndpoints(deps: Pick<Deps, 'known' | 'gazetteer'>): Endpoint[] {
  return [...documentEndpoints(), ...eventEndpoints(deps), ...recordEndpoints(deps), ...analysisEndpoints(deps), ...searchEndpoints()];
}

/** The response of an endpoint as plain data (cacheable). */
export function renderResult(e: Endpoint, format: Format, result: Result): CachedResponse {
  const r = renderText(e, format, result);
  return { ...r, body: Buffer.from(r.body) };
}

function renderText(e: Endpoint, format: Format, result: Result): Omit<CachedResponse, 'body'> & { body: string } {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (result.kind === 'text') return { status: 200, body: result.body, headers: { ...headers, 'Content-Type': result.type } };
  if (format === 'json') {
    const body = result.kind === 'list' ? { data: result.data, next_cursor: result.next_cursor } : result.data;
    return { status: 200, body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } };
  }
  if (result.kind === 'list' && result.next_cursor) headers['X-Next-Cursor'] = result.next_cursor;
  if (format === 'jsonl') {
    const records = result.kind === 'list' ? result.data : [result.data];
    return { status: 200, body: records.map((r) => `${JSON.stringify(r)}\n`).join(''), headers: { ...headers, 'Content-Type': MEDIA.jsonl } };
  }
  const columns = typeof e.csv!.columns === 'function' ? e.csv!.columns(result.data) : e.csv!.columns;
  return { status: 200, body: toCsv(e.csv!.rows(result.data), columns), headers: { ...headers, 'Content-Type': MEDIA.csv } };
}

const gzipAsync = promisify(gzip);
/** Bodies smaller than this are sent as they are: gzip would gain little. */
const GZIP_MIN_BYTES = 1024;

/**
 * Add the gzipped body to a successful response (in the thread pool, off the event loop). Done
 * once per computed answer, so a cached answer is compressed once and sent many times: a page of
 * 100 events shrinks about tenfold, which is what lets many clients share the loopback and the
 * CPU (docs/api.md "Performance").
 */
export async function withGzip(r: CachedResponse): Promise<CachedResponse> {
  if (r.status !== 200 || r.etag) return r;
  // A cached answer is the same bytes for every client until the data change, so it carries an
  // ETag and `no-cache` (a browser may keep it and revalidate; 304 when unchanged).
  const etag = `"${createHash('sha1').update(r.body).digest('base64url')}"`;
  const headers = { ...r.headers, 'Cache-Control': 'no-cache', ETag: etag };
  if (r.body.length < GZIP_MIN_BYTES) return { ...r, headers, etag };
  const gzipped = new Uint8Array(await gzipAsync(r.body, { level: 6 }));
  return { ...r, headers: { ...headers, Vary: 'Accept-Encoding' }, etag, gzip: gzipped, gzipHeaders: { ...headers, Vary: 'Accept-Encoding', 'Content-Encoding': 'gzip' } };
}

/** Whether an `If-None-Match` header names this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const x = t.trim();
    return x === '*' || x === etag || x === `W/${etag}`;
  });
}

/** Whether the request's Accept-Encoding takes gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** How long `/-/health` reuses its document, event and fused-event counts. */
const HEALTH_COUNTS_MS = 2_000;

/** How long a cached answer stays fresh while SQLite reports no commit by another connection. */
const UNCHANGED_MS = 60_000;

/**
 * A check that calls `onChange` when another connection committed to the SQLite database since
 * the last check (`PRAGMA data_version` changes then). Runs at most every `everyMs`; the request
 * that triggers it waits for it, the others in the meantime do not.
 */
export function dataVersionWatch(store: Store, onChange: () => void, everyMs = 250): () => Promise<void> {
  let last: unknown;
  let checkedAt = -Infinity;
  return async () => {
    const now = Date.now();
    if (now - checkedAt < everyMs) return;
    checkedAt = now;
    try {
      const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(store.db);
      const version = rows[0]?.data_version;
      if (last !== undefined && version !== last) onChange();
      last = version;
    } catch {
      onChange();
      last = undefined;
    }
  };
}

function errorResponse(c: Context, err: ApiError): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(err.body(), err.status);
}

/**
 * The Bilat HTTP API (docs/api.md) and the dashboard, as a Hono app. Read-only unless
 * `allowWrite` and `token` are both given.
 *
 * @example
 * const app = createApp({ store: await openStore('bilat.db'), allowWrite: false });
 * const res = await app.request('/events.json?dyad=CHN-KOR&from=2024-11-01');
 */
export function createApp(options: AppOptions): Hono & { close(): Promise<void> } {
  const { store } = options;
  const gazetteer = options.gazetteer ?? getGazetteer(process.env);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const version = packageVersion();
  const deps: Deps = { store, gazetteer, known: knownActor(gazetteer), version };
  const endpoints = apiEndpoints(deps);
  const writable = Boolean(options.allowWrite && options.token);
  const cacheMs = options.cacheMs ?? 1000;
  const sqlite = store.capabilities.dialect === 'sqlite';
  const cache = cacheMs > 0 ? new ResponseCache({ ttlMs: sqlite ? Math.max(cacheMs, UNCHANGED_MS) : cacheMs }) : undefined;
  const watch = cache && sqlite ? dataVersionWatch(store, () => cache.clear()) : undefined;
  const pool = options.workerDb ? new HeavyWorker(options.workerDb) : undefined;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof SearchQueryError) return errorResponse(c, badRequest(`q: ${err.message}`, 'q'));
    if (err instanceof ZodError) {
      const issue = err.issues[0]!;
      const param = issue.path.length ? String(issue.path[0]) : undefined;
      return errorResponse(c, badRequest(param ? `${param}: ${issue.message}` : issue.message, param));
    }
    log(`bilat serve: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? String(err)}`);
    return errorResponse(c, new ApiError(500, 'internal error (logged on the server)'));
  });

  // The three counts are read at most once per HEALTH_COUNTS_MS (and again after a write), so a
  // health probe costs no query; a failing database still shows as a 500 on the next read.
  const count = async (table: 'document' | 'event' | 'fused_event') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  let counts: { at: number; value: Promise<{ documents: number; events: number; fused_events: number }> } | undefined;
  const readCounts = () => {
    if (!counts || Date.now() - counts.at >= HEALTH_COUNTS_MS) {
      const value = (async () => ({ documents: await count('document'), events: await count('event'), fused_events: await count('fused_event') }))();
      const entry = { at: Date.now(), value };
      counts = entry;
      value.catch(() => {
        if (counts === entry) counts = undefined;
      });
    }
    return counts.value;
  };
  app.get('/-/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true, version, dialect: store.capabilities.dialect, ...(await readCounts()), write: writable });
  });
  let openapi: Record<string, unknown> | undefined;
  app.get('/-/openapi.json', (c) => {
    openapi ??= openApiDocument(endpoints, version);
    return c.json(openapi);
  });

  const maxBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const write = documentWriter({ store, now });
  app.post(
    '/documents',
    async (c, next) => {
      if (!writable) throw new ApiError(401, 'writing is disabled: start bilat serve with --allow-write and BILAT_TOKEN set');
      if (!bearerMatches(c.req.header('authorization'), options.token!)) throw new ApiError(401, 'missing or wrong token: send Authorization: Bearer <BILAT_TOKEN>');
      await next();
    },
    bodyLimit({ maxSize: maxBytes, onError: () => { throw new ApiError(413, `request body over the limit of ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} bytes`}`); } }),
    async (c) => {
      const res = await write(c);
      cache?.clear();
      counts = undefined;
      return res;
    },
  );

  for (const e of endpoints) {
    const handler = (format: Format) => async (c: Context) => {
      const compute = async () => {
        const query = parseQuery(e.query, c.req.queries());
        const params = c.req.param() as Record<string, string>;
        const heavy = typeof e.heavy === 'function' ? e.heavy(query) : e.heavy;
        const r = heavy && pool ? await pool.run(e.id, format, query as Record<string, unknown>, params) : renderResult(e, format, await e.handle(deps, { query, params }));
        // Only answers that are kept are worth compressing once.
        return cache ? withGzip(r) : r;
      };
      await watch?.();
      const href = c.req.url;
      const r = cache ? await cache.get(href.slice(href.indexOf('/', href.indexOf('//') + 2)), compute) : await compute();
      // The hot path: a cached answer is written from buffers and headers prepared once.
      if (r.etag && etagMatches(c.req.header('if-none-match'), r.etag)) {
        return c.body(null, 304, { ETag: r.etag, 'Cache-Control': 'no-cache', ...(r.gzip ? { Vary: 'Accept-Encoding' } : {}) });
      }
      if (r.gzip && acceptsGzip(c.req.header('accept-encoding'))) {
        return c.body(r.gzip as Uint8Array<ArrayBuffer>, r.status as 200, r.gzipHeaders ?? { ...r.headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      }
      return c.body(r.body as Uint8Array<ArrayBuffer>, r.status as 200, r.headers);
    };
    app.get(e.path, handler('json'));
    for (const f of e.formats) if (e.formats.length > 1) app.get(`${e.path}.${f}`, handler(f));
    const others = e.path === '/documents' ? ['PUT', 'PATCH', 'DELETE'] : ['POST', 'PUT', 'PATCH', 'DELETE'];
    app.on(others, [e.path, ...e.formats.map((f) => `${e.path}.${f}`)], () => {
      throw new ApiError(405, `${e.path} only answers GET${e.path === '/documents' ? ' (and POST with a token)' : ''}`);
    });
  }

  const apiPrefixes = ['/-/', ...new Set(endpoints.map((e) => `/${e.path.split('/')[1]!.split('.')[0]}`))];
  const isApiPath = (p: string) => apiPrefixes.some((x) => (x.endsWith('/') ? p.startsWith(x) : p === x || p.startsWith(`${x}/`) || p.startsWith(`${x}.`)));
  app.notFound(async (c) => {
    const path = c.req.path;
    if (isApiPath(path) || c.req.method !== 'GET') return errorResponse(c, new ApiError(404, `no endpoint ${c.req.method} ${path} (GET /-/openapi.json lists them)`));
    if (hasDashboard(options.webRoot)) {
      const file = await dashboardFile(options.webRoot, path);
      if (file) return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type, 'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
      return errorResponse(c, new ApiError(404, `no file ${path}`));
    }
    if (path === '/' || path === '/index.html') return c.html(placeholderPage(['/-/health', ...endpoints.filter((e) => !e.path.includes(':')).map((e) => e.path)]));
    return errorResponse(c, new ApiError(404, `no endpoint or file ${path}`));
  });
  return Object.assign(app, { close: async () => pool?.close() });
}
