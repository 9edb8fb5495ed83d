import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isPublicAddress } from './address.js';

/**
 * Fetch a user-supplied URL without letting it reach the machine's own network: every address
 * a host name resolves to is checked (at connect time, so a DNS answer cannot change between the
 * check and the connection), on every redirect hop. Bodies are capped in size (after
 * decompression) and the whole exchange in time.
 */
export interface SafeFetchOptions {
  /** Allow private, loopback and link-local addresses (tests, intranet feeds). */
  allowPrivate?: boolean;
  /** Largest body accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Time allowed for the whole fetch, redirects included (default 20 s). */
  timeoutMs?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Conditional GET: `If-None-Match` and `If-Modified-Since`. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  accept?: string;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  retryAfter: number | null;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    /** `refused` (address policy), `http` (status), `limit` (size, time, redirects) or `network`. */
    readonly kind: 'refused' | 'http' | 'limit' | 'network',
    readonly status: number | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const DEFAULT_FETCH_MAX_BYTES = 5 * 1024 * 1024;
const USER_AGENT = 'bilat (+https://github.com/bilat; feed reader)';

class RefusedAddress extends Error {
  readonly code = 'EBILATREFUSED';
}

function refusal(host: string, address: string): string {
  return `refused: ${host} resolves to ${address}, a private, loopback or link-local address (use --allow-private to allow it)`;
}

/** A DNS lookup for http.request that refuses non-public answers. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!addresses.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (bad) return callback(new RefusedAddress(refusal(hostname, bad.address)), '', 0);
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function retryAfterSeconds(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((t - now) / 1000));
}

function decoded(res: IncomingMessage): Readable {
  switch ((header(res, 'content-encoding') ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

interface Hop {
  res: IncomingMessage;
}

function request(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent ?? USER_AGENT,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const lib = url.protocol === 'https:' ? https : http;
    // No shared agent: every request resolves and checks its address afresh, and no stale kept-alive socket is reused.
    const req = lib.request(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(options.allowPrivate ?? false), signal }, (res) => resolve({ res }));
    req.on('error', reject);
    req.end();
  });
}

async function readBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(header(res, 'content-length') ?? NaN);
  if (declared > maxBytes) {
    res.destroy();
    throw new FetchError(url, `response too large (${declared} bytes > ${maxBytes} limit)`, 'limit');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of decoded(res)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchError(url, `response too large (more than ${maxBytes} bytes)`, 'limit');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * GET a URL with the address policy, size and time caps and a redirect limit.
 *
 * @example const page = await safeFetch('https://example.org/news/1', { maxBytes: 2_000_000 });
 */
export async function safeFetch(target: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new FetchError(target, 'not a valid URL', 'network');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(url.href, `only http and https URLs are fetched (got ${url.protocol})`, 'refused');
    if (url.username || url.password) throw new FetchError(url.href, 'URLs with credentials are not fetched', 'refused');
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    // A literal address is connected to without a lookup, so check it here.
    if (isIP(literal) && !options.allowPrivate && !isPublicAddress(literal)) throw new FetchError(url.href, refusal(literal, literal), 'refused');
    let res: IncomingMessage;
    try {
      ({ res } = await request(url, options, signal));
    } catch (err) {
      throw describeError(url.href, err, timeout, options.timeoutMs ?? 20_000);
    }
    const status = res.statusCode ?? 0;
    const location = header(res, 'location');
    if ([301, 302, 303, 307, 308].includes(status) && location) {
      res.resume();
      if (hop >= maxRedirects) throw new FetchError(url.href, `too many redirects (more than ${maxRedirects})`, 'limit');
      url = new URL(location, url);
      continue;
    }
    const common = {
      url: url.href,
      status,
      contentType: header(res, 'content-type'),
      etag: header(res, 'etag'),
      lastModified: header(res, 'last-modified'),
      retryAfter: retryAfterSeconds(header(res, 'retry-after'), Date.now()),
    };
    if (status === 304) {
      res.resume();
      return { ...common, notModified: true, body: Buffer.alloc(0) };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new FetchError(url.href, `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, 'http', status, common.retryAfter);
    }
    try {
      return { ...common, notModified: false, body: await readBody(res, url.href, maxBytes) };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw describeError(url.href, err, timeout, options.timeoutMs ?? 20_000);
    }
  }
}

function describeError(url: string, err: unknown, timeout: AbortSignal, timeoutMs: number): FetchError {
  const e = err as NodeJS.ErrnoException;
  if (e instanceof RefusedAddress || e?.code === 'EBILATREFUSED') return new FetchError(url, e.message, 'refused');
  if (timeout.aborted) return new FetchError(url, `timed out after ${Math.round(timeoutMs / 1000)} s`, 'limit');
  if (e?.name === 'AbortError') return new FetchError(url, 'aborted', 'network');
  return new FetchError(url, `cannot fetch: ${e?.code ?? e?.message ?? String(err)}`, 'network');
}
