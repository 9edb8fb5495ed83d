import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, safeFetch } from './safe-fetch.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const n = Number(hop[1]);
      if (n === 0) return res.end('arrived');
      res.writeHead(302, { location: `/hop/${n - 1}` });
      return res.end();
    }
    if (url.pathname === '/big') return res.end('x'.repeat(10_000));
    if (url.pathname === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      return res.end(gzipSync(Buffer.alloc(1_000_000)));
    }
    if (url.pathname === '/slow') return setTimeout(() => res.end('late'), 5000).unref();
    if (url.pathname === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { etag: '"v1"' });
      return res.end('body');
    }
    if (url.pathname === '/busy') {
      res.writeHead(503, { 'retry-after': '120' });
      return res.end();
    }
    if (url.pathname === '/to-file') {
      res.writeHead(301, { location: 'file:///etc/passwd' });
      return res.end();
    }
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('safeFetch', () => {
  it('refuses a loopback address unless private addresses are allowed', async () => {
    const e = await failure(safeFetch(`${base}/`));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/127\.0\.0\.1.*--allow-private/);
    expect((await safeFetch(`${base}/`, { allowPrivate: true })).body.toString()).toBe('ok');
  });

  it('refuses a host name that resolves to a loopback address', async () => {
    const port = new URL(base).port;
    const e = await failure(safeFetch(`http://localhost:${port}/`));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/localhost resolves to/);
  });

  it('refuses other schemes, also as a redirect target', async () => {
    expect((await failure(safeFetch('file:///etc/passwd'))).kind).toBe('refused');
    expect((await failure(safeFetch(`${base}/to-file`, { allowPrivate: true }))).message).toMatch(/only http and https/);
  });

  it('follows five redirects and refuses a sixth', async () => {
    const ok = await safeFetch(`${base}/hop/5`, { allowPrivate: true });
    expect(ok.body.toString()).toBe('arrived');
    expect(ok.url).toBe(`${base}/hop/0`);
    expect((await failure(safeFetch(`${base}/hop/6`, { allowPrivate: true }))).message).toMatch(/too many redirects/);
  });

  it('caps the body size, after decompression too', async () => {
    expect((await failure(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }))).kind).toBe('limit');
    expect((await failure(safeFetch(`${base}/bomb`, { allowPrivate: true, maxBytes: 100_000 }))).message).toMatch(/too large/);
  });

  it('caps the time', async () => {
    const e = await failure(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 }));
    expect(e.kind).toBe('limit');
    expect(e.message).toMatch(/timed out/);
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    const first = await safeFetch(`${base}/etag`, { allowPrivate: true });
    expect(first.etag).toBe('"v1"');
    const second = await safeFetch(`${base}/etag`, { allowPrivate: true, etag: first.etag });
    expect(second.notModified).toBe(true);
  });

  it('reports HTTP errors with Retry-After', async () => {
    const e = await failure(safeFetch(`${base}/busy`, { allowPrivate: true }));
    expect(e).toMatchObject({ kind: 'http', status: 503, retryAfter: 120 });
  });
});
