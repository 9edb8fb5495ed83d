import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openStore } from '../src/store/db.js';
import { buildApiStore } from './api-fixture.js';
import { tempDir } from './helpers.js';

/**
 * Full-text search and the API answer the same on every database. SQLite always runs;
 * PostgreSQL runs when BILAT_TEST_PG_URL or BILAT_TEST_PG names a server, in a fresh schema
 * that is dropped afterwards.
 */
const pg = process.env.BILAT_TEST_PG_URL ?? process.env.BILAT_TEST_PG;
const dir = tempDir();
afterAll(() => dir.cleanup());

const QUERIES = [
  '/search?q=tourists',
  '/search?q=tour*&kind=event,quote',
  '/search?q=%22cultural%20exchanges%22',
  '/search?q=visa%20-tourists',
  '/search?q=Wang',
  '/documents.json?q=visa-free',
  '/events.json?dyad=CHN-KOR&from=2024-11-01',
  '/statistics.csv?inconsistent=false',
  '/quotes.json?dyad=CHN-KOR',
];

/** Hits as sets (ranks differ between FTS5 and ts_rank; the records must not). */
function normalise(path: string, body: string): unknown {
  if (!path.startsWith('/search')) return body;
  const hits = (JSON.parse(body) as { data: Array<Record<string, unknown>> }).data.map(({ rank: _rank, ...h }) => h);
  return hits.sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`));
}

async function answers(db: string, folder: string): Promise<unknown[]> {
  await buildApiStore(folder, db);
  const store = await openStore(db);
  try {
    const app = createApp({ store, allowWrite: true, token: 'dialect-test-token-123', now: () => new Date('2026-01-01T00:00:00Z') });
    const out: unknown[] = [];
    for (const path of QUERIES) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      out.push(normalise(path, await res.text()));
    }
    // A document written through the API is searchable at once.
    const res = await app.request('/documents', {
      method: 'POST',
      headers: { Authorization: 'Bearer dialect-test-token-123', 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Officials in Incheon said ferry bookings from Qingdao doubled.', published: '2025-05-05' }),
    });
    expect(res.status).toBe(201);
    out.push(normalise('/search', await (await app.request('/search?q=ferry%20Qingdao')).text()));
    return out;
  } finally {
    await store.close();
  }
}

describe('search across databases', () => {
  it('finds on SQLite what the queries ask for', async () => {
    const out = await answers(join(dir.path, 'a.db'), dir.path);
    const hits = out[out.length - 1] as Array<{ kind: string; snippet: string }>;
    expect(hits.map((h) => h.kind)).toContain('document');
    for (const h of hits) expect(h.snippet).toMatch(/«ferry».*«Qingdao»/);
    for (const answer of out.slice(0, 5)) expect((answer as unknown[]).length, JSON.stringify(answer)).toBeGreaterThan(0);
  });

  it.skipIf(!pg)('PostgreSQL gives the same answers as SQLite', async () => {
    const schema = `bilat_test_search_${process.pid}_${Date.now()}`;
    const url = `${pg}${pg!.includes('?') ? '&' : '?'}schema=${schema}`;
    const pgDir = join(dir.path, 'pg');
    const sqliteDir = join(dir.path, 'sq');
    for (const d of [pgDir, sqliteDir]) (await import('node:fs')).mkdirSync(d, { recursive: true });
    try {
      expect(await answers(url, pgDir)).toEqual(await answers(join(sqliteDir, 'b.db'), sqliteDir));
    } finally {
      const { default: pgLib } = await import('pg');
      const client = new pgLib.Client({ connectionString: pg });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });
});
