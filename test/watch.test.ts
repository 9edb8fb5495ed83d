import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchemas, pgUrl, TEST_PG, uniqueSchema } from './dialects.js';
import { runCli, tempDir } from './helpers.js';

/**
 * `bilat watch` against a local feed server (hence --allow-private): conditional GET, new items
 * only, pages fetched, and refusal of a loopback feed without the flag.
 */
const dir = tempDir();
let server: Server;
let base = '';
const log: Array<{ path: string; ifNoneMatch: string | undefined }> = [];
let stories = ['seoul-talks'];

const PAGES: Record<string, { title: string; body: string; date: string }> = {
  'seoul-talks': { title: 'Foreign ministers meet in Seoul', date: '2026-03-02', body: 'South Korea and China held talks in Seoul on Monday about tourism and student exchanges. The two ministers agreed to meet again in the autumn.' },
  'visa-rules': { title: 'Visa rules eased for tour groups', date: '2026-03-09', body: 'China said on Monday that Korean tour groups would no longer need visas from April. Travel agencies in Busan welcomed the decision.' },
};

function feedXml(): string {
  const items = stories
    .map((s) => `<item><title>${PAGES[s]!.title}</title><link>${base}/story/${s}.html</link><description>${PAGES[s]!.title}.</description><pubDate>${new Date(`${PAGES[s]!.date}T08:00:00Z`).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>${base}</link><description>test</description>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (path === '/feed.xml') {
      const etag = `"${stories.join('+')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      return res.end(feedXml());
    }
    const m = /^\/story\/([a-z-]+)\.html$/.exec(path);
    if (m && PAGES[m[1]!]) {
      const p = PAGES[m[1]!]!;
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<!doctype html><html><head><title>${p.title}</title><meta property="article:published_time" content="${p.date}"></head><body><nav>Home | World</nav><article><h1>${p.title}</h1><p>${p.body}</p><p>Officials from both sides described the meeting as constructive and said more visits would follow this year.</p></article><footer>All rights reserved</footer></body></html>`);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  dir.cleanup();
  await new Promise<void>((r) => server.close(() => r()));
});

async function documents(db: string): Promise<Array<{ url: string; title: string }>> {
  const r = await runCli(['documents', '--format', 'json', '--db', db]);
  return JSON.parse(r.stdout) as Array<{ url: string; title: string }>;
}

describe('bilat watch', () => {
  it('refuses a loopback feed without --allow-private and stores nothing', async () => {
    const db = join(dir.path, 'refused.db');
    const r = await runCli(['watch', `${base}/feed.xml`, '--once', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused: 127\.0\.0\.1 .*--allow-private/);
    expect(await documents(db)).toEqual([]);
  });

  it('rejects a bad interval or URL', async () => {
    expect((await runCli(['watch', `${base}/feed.xml`, '--every', '2s'])).code).toBe(2);
    expect((await runCli(['watch', 'ftp://example.org/feed'])).code).toBe(2);
  });

  it('on SQLite fetches and ingests new items, then asks with the ETag and takes only what is new', async () => {
    const db = join(dir.path, 'watch.db');
    stories = ['seoul-talks'];
    log.length = 0;
    const first = await runCli(['watch', `${base}/feed.xml`, '--once', '--allow-private', '--host-delay', '0s', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(log.map((l) => l.path)).toEqual(['/feed.xml', '/story/seoul-talks.html']);
    let docs = await documents(db);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.url).toBe(`${base}/story/seoul-talks.html`);

    log.length = 0;
    const second = await runCli(['watch', `${base}/feed.xml`, '--once', '--allow-private', '--host-delay', '0s', '--db', db]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/not modified/);
    expect(log).toEqual([{ path: '/feed.xml', ifNoneMatch: '"seoul-talks"' }]);

    stories = ['visa-rules', 'seoul-talks'];
    log.length = 0;
    const third = await runCli(['watch', `${base}/feed.xml`, '--once', '--allow-private', '--host-delay', '0s', '--db', db]);
    expect(third.code).toBe(0);
    expect(log.map((l) => l.path)).toEqual(['/feed.xml', '/story/visa-rules.html']);
    docs = await documents(db);
    expect(docs.map((d) => d.url).sort()).toEqual([`${base}/story/seoul-talks.html`, `${base}/story/visa-rules.html`]);
  });

  it.skipIf(!TEST_PG)('on PostgreSQL queues one job per new item for the workers', async () => {
    const schema = uniqueSchema('bilat_watch');
    const db = pgUrl(TEST_PG!, schema);
    stories = ['visa-rules', 'seoul-talks'];
    try {
      const r = await runCli(['watch', `${base}/feed.xml`, '--once', '--allow-private', '--host-delay', '0s', '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      const status = JSON.parse((await runCli(['jobs', '--format', 'json', '--db', db])).stdout) as Array<{ queue: string; created: number }>;
      expect(status.find((s) => s.queue === 'bilat-ingest')!.created).toBe(2);
      const work = await runCli(['worker', '--exit-when-idle', '--poll', '500ms', '--db', db]);
      expect(work.stderr).toMatch(/worker: 2 new/);
      expect((await documents(db)).map((d) => d.url).sort()).toEqual([`${base}/story/seoul-talks.html`, `${base}/story/visa-rules.html`]);
    } finally {
      await dropSchemas(TEST_PG!, [schema, `${schema}_boss`]);
    }
  });
});
