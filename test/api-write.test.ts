import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { bearerMatches } from '../src/server/auth.js';
import { openStore, type Store } from '../src/store/db.js';
import { tempDir } from './helpers.js';

/** POST /documents: the token check, both body kinds, size and type limits; and the dashboard files. */
const TOKEN = 'test-token-0123456789abcdef';
const dir = tempDir();
let store: Store;

const ARTICLE = {
  title: 'Ministers meet in Busan',
  published: '2025-06-02',
  outlet: 'Test Wire',
  text: 'BUSAN, June 2 -- South Korean Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi in Busan on Monday. The two sides agreed to expand tourism and cultural exchanges.',
};

beforeAll(async () => {
  store = await openStore(join(dir.path, 'write.db'));
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

const post = (app: ReturnType<typeof createApp>, init: { auth?: string; body?: string | FormData; type?: string }) =>
  app.request('/documents', {
    method: 'POST',
    headers: { ...(init.auth !== undefined ? { Authorization: init.auth } : {}), ...(init.type ? { 'Content-Type': init.type } : {}) },
    body: init.body,
  });

describe('bearerMatches', () => {
  it.each([
    ['Bearer abc', 'abc', true],
    ['bearer abc', 'abc', true],
    ['Bearer abd', 'abc', false],
    ['Bearer abcd', 'abc', false],
    ['Bearer ', 'abc', false],
    ['Basic abc', 'abc', false],
    [undefined, 'abc', false],
    ['Bearer ', '', false],
  ] as const)('%s against %s → %s', (header, token, expected) => {
    expect(bearerMatches(header, token)).toBe(expected);
  });
});

describe('POST /documents', () => {
  it('is 401 for every request when writing is not enabled, even with the token', async () => {
    for (const app of [createApp({ store, token: TOKEN }), createApp({ store, allowWrite: true })]) {
      const res = await post(app, { auth: `Bearer ${TOKEN}`, type: 'application/json', body: JSON.stringify(ARTICLE) });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('is 401 without a token or with a wrong one, and stores nothing', async () => {
    const app = createApp({ store, allowWrite: true, token: TOKEN });
    for (const auth of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, 'Bearer']) {
      const res = await post(app, { auth, type: 'application/json', body: JSON.stringify(ARTICLE) });
      expect(res.status, String(auth)).toBe(401);
    }
    expect((await (await app.request('/-/health')).json()) as { documents: number }).toMatchObject({ documents: 0 });
  });

  it('stores a JSON document with the right token (201), then reports it as a duplicate (200)', async () => {
    const app = createApp({ store, allowWrite: true, token: TOKEN, now: () => new Date('2026-01-01T00:00:00Z') });
    const res = await post(app, { auth: `Bearer ${TOKEN}`, type: 'application/json', body: JSON.stringify(ARTICLE) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { documents: Array<{ id: string; status: string; events: number }>; failures: unknown[] };
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({ status: 'new' });
    expect(body.documents[0]!.events).toBeGreaterThan(0);
    const id = body.documents[0]!.id;
    const doc = (await (await app.request(`/documents/${id}`)).json()) as { document: { title: string; published: string; outlet: string }; events: unknown[] };
    expect(doc.document).toMatchObject({ title: ARTICLE.title, published: ARTICLE.published, outlet: ARTICLE.outlet });
    expect(doc.events).toHaveLength(body.documents[0]!.events);
    // Searchable at once: the index is kept by the store on ingest.
    const hits = (await (await app.request('/search?q=Busan')).json()) as { data: Array<{ document_id: string }> };
    expect(hits.data.map((h) => h.document_id)).toContain(id);
    const again = await post(app, { auth: `Bearer ${TOKEN}`, type: 'application/json', body: JSON.stringify(ARTICLE) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { documents: Array<{ id: string; status: string }> }).documents).toEqual([expect.objectContaining({ id, status: 'duplicate' })]);
  });

  it('stores uploaded files (multipart), with the user date for files that have none', async () => {
    const app = createApp({ store, allowWrite: true, token: TOKEN });
    const form = new FormData();
    form.append('file', new Blob(['Tour talks\n\nJapan and South Korea agreed on Tuesday to expand student exchanges.\n']), 'talks.txt');
    form.append('file', new Blob(['<html><head><title>Seoul note</title></head><body><article><p>South Korea urged China to lift its remaining limits on Korean films, officials said on Wednesday.</p></article></body></html>']), 'note.html');
    form.append('published', '2025-07-01');
    const res = await post(app, { auth: `Bearer ${TOKEN}`, body: form });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { documents: Array<{ id: string; status: string }> };
    expect(body.documents.map((d) => d.status)).toEqual(['new', 'new']);
    for (const d of body.documents) {
      const doc = (await (await app.request(`/documents/${d.id}`)).json()) as { document: { published: string; published_source: string } };
      expect(doc.document.published).toBe('2025-07-01');
    }
  });

  it.each([
    ['{"text": ', 'application/json', 'body'],
    ['{"text": "   "}', 'application/json', 'text'],
    ['{"text": "Some text.", "author": "me"}', 'application/json', 'author'],
    ['{"text": "Some text.", "published": "1 May"}', 'application/json', 'published'],
  ])('rejects the bad JSON body %s with 400', async (body, type, param) => {
    const app = createApp({ store, allowWrite: true, token: TOKEN });
    const res = await post(app, { auth: `Bearer ${TOKEN}`, type, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe(param);
  });

  it('rejects other content types with 415 and bodies over the cap with 413', async () => {
    const app = createApp({ store, allowWrite: true, token: TOKEN, maxUploadBytes: 1000 });
    expect((await post(app, { auth: `Bearer ${TOKEN}`, type: 'text/plain', body: 'hello' })).status).toBe(415);
    const big = await post(app, { auth: `Bearer ${TOKEN}`, type: 'application/json', body: JSON.stringify({ text: 'word '.repeat(500) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('checks the token before reading the body', async () => {
    const app = createApp({ store, allowWrite: true, token: TOKEN, maxUploadBytes: 1000 });
    expect((await post(app, { type: 'application/json', body: JSON.stringify({ text: 'word '.repeat(500) }) })).status).toBe(401);
  });
});

describe('the dashboard at /', () => {
  it('serves web/dist files, index.html for client routes, and nothing outside the folder', async () => {
    const web = join(dir.path, 'dist');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>dash</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'secret');
    const app = createApp({ store, webRoot: web });
    const index = await app.request('/');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('dash');
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await (await app.request('/dyad/CHN-KOR')).text()).toContain('dash');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/..%2Fsecret.txt')).status).toBe(404);
    expect((await app.request('/events.json')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('shows a short page when the dashboard is not built', async () => {
    const app = createApp({ store, webRoot: join(dir.path, 'nothing-here') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/-/openapi.json');
  });
});
