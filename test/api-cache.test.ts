import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, createApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { buildApiStore } from './api-fixture.js';
import { tempDir } from './helpers.js';

/** The response cache as clients see it: gzip for those that accept it, and commits by other connections. */
const dir = tempDir();
let db: string;
let store: Store;

beforeAll(async () => {
  db = join(dir.path, 'cache.db');
  await buildApiStore(dir.path, db);
  store = await openStore(db);
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

describe('gzip', () => {
  it('reads Accept-Encoding', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('sends a large answer gzipped to clients that accept it, and as it is to the others', async () => {
    const app = createApp({ store });
    const plain = await app.request('/events.json');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    const zipped = await app.request('/events.json', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    // Small answers and errors are never compressed.
    const error = await app.request('/events.json?from=2024-13-01', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(error.status).toBe(400);
    expect(error.headers.get('content-encoding')).toBeNull();
    await app.close();
  });
});

describe('validators of cached answers', () => {
  it('carry an ETag, answer 304 to If-None-Match, and keep errors uncached', async () => {
    const app = createApp({ store });
    const first = await app.request('/events.json');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const zipped = await app.request('/events.json', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('etag')).toBe(etag);
    const again = await app.request('/events.json', { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await app.request('/events.json', { headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(await first.text());
    // Another page has another validator.
    const other = await app.request('/events.json?limit=1');
    expect(other.headers.get('etag')).not.toBe(etag);
    const error = await app.request('/events.json?from=2024-13-01', { headers: { 'If-None-Match': '*' } });
    expect(error.status).toBe(400);
    expect(error.headers.get('cache-control')).toBe('no-store');
    expect(error.headers.get('etag')).toBeNull();
    await app.close();
  });
});

describe('commits by another connection', () => {
  it('are seen within a moment on SQLite, though answers are cached', async () => {
    const app = createApp({ store });
    const count = async () => ((await (await app.request('/documents.json?limit=100')).json()) as { data: unknown[] }).data.length;
    const before = await count();
    expect(await count()).toBe(before);
    // Another process writes: here, a second connection to the same file.
    const other = await openStore(db);
    const token = 'cache-test-token-0123456789';
    const writer = createApp({ store: other, allowWrite: true, token });
    const res = await writer.request('/documents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Ministers meet in Busan', published: '2025-06-02', text: 'BUSAN, June 2 -- South Korean Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi in Busan on Monday.' }),
    });
    expect(res.status).toBe(201);
    await writer.close();
    await other.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before + 1);
    await app.close();
  });
});
