import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { parseCsv } from '../src/util/csv.js';
import { buildApiStore } from './api-fixture.js';
import { tempDir } from './helpers.js';

/** The HTTP API in-process (`app.request()`) on a small ingested corpus: formats, paging, filters, errors. */
const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const db = join(dir.path, 'api.db');
  await buildApiStore(dir.path, db);
  store = await openStore(db);
  app = createApp({ store, log: () => undefined });
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

interface Json {
  data: Array<Record<string, unknown>>;
  next_cursor: string | null;
}
interface ErrorJson {
  error: { code: string; message: string; param?: string };
}

async function get(path: string): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  const res = await app.request(path);
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, body: json ? JSON.parse(text) : text, headers: res.headers, text };
}

async function list(path: string): Promise<Json> {
  const r = await get(path);
  expect(r.status, r.text).toBe(200);
  return r.body as Json;
}

/** Every page of a list, following next_cursor. */
async function allPages(path: string, limit: number): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await list(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    out.push(...page.data);
    cursor = page.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('paging did not end');
}

const parties = (e: Record<string, unknown>, role: 'actor' | 'recipient') => (e[role] as Array<{ country: string | null }>).map((a) => a.country);

describe('health and description', () => {
  it('reports the counts of the store', async () => {
    const r = await get('/-/health');
    const n = async (t: 'document' | 'event') => Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(r.body).toMatchObject({ ok: true, dialect: 'sqlite', documents: await n('document'), events: await n('event'), write: false });
  });

  it('describes every list endpoint and its parameters in OpenAPI 3.1', async () => {
    const doc = (await get('/-/openapi.json')).body as { openapi: string; paths: Record<string, { get?: { parameters: Array<{ name: string }> } }> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/events', '/events.csv', '/fused-events.jsonl', '/fused-events/{id}', '/documents/{id}', '/statistics', '/quotes', '/indicators.csv', '/relations-index', '/brief', '/search', '/actors', '/policies', '/series', '/impact']) {
      expect(doc.paths[p]?.get, p).toBeDefined();
    }
    expect(doc.paths['/events']!.get!.parameters.map((x) => x.name)).toEqual(expect.arrayContaining(['dyad', 'actor', 'category', 'quad', 'context', 'from', 'to', 'sort', 'limit', 'cursor']));
  });

  it('answers every described GET path without parameters with 200 or a 400 naming a required one', async () => {
    const doc = (await get('/-/openapi.json')).body as { paths: Record<string, { get?: { parameters?: Array<{ name: string; required: boolean; in: string }> } }> };
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get || path.includes('{')) continue;
      const r = await get(path);
      const required = (item.get.parameters ?? []).filter((p) => p.required && p.in === 'query').map((p) => p.name);
      if (required.length) {
        expect(r.status, path).toBe(400);
        expect(required, path).toContain((r.body as ErrorJson).error.param);
      } else expect(r.status, `${path}: ${r.text.slice(0, 200)}`).toBe(200);
    }
  });
});

describe('lists', () => {
  it('serve JSON with data and next_cursor, revalidated by ETag', async () => {
    const r = await get('/events.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const body = r.body as Json;
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.next_cursor).toBeNull();
    expect(body.data.every((e) => typeof e.document_id === 'string' && typeof e.evidence === 'object')).toBe(true);
    expect((await get('/events')).body).toEqual(body);
  });

  it('serve the same records as CSV, with the documented header', async () => {
    const json = await list('/events.json?dyad=CHN-KOR');
    const r = await get('/events.csv?dyad=CHN-KOR');
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(r.text);
    expect(header!.fields.slice(0, 3)).toEqual(['id', 'date', 'date_end']);
    expect(rows.map((x) => x.fields[0])).toEqual(json.data.map((e) => e.id));
    const sentence = header!.fields.indexOf('sentence');
    expect(rows.map((x) => x.fields[sentence])).toEqual(json.data.map((e) => (e.evidence as { sentence: string }).sentence));
  });

  it('serve JSON Lines, one record per line', async () => {
    const json = await list('/quotes.json');
    const r = await get('/quotes.jsonl');
    expect(r.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(r.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual(json.data);
  });

  it.each(['/events', '/fused-events', '/statistics', '/quotes', '/documents', '/actors?q=korea'])('page %s with cursors to the same records as one page', async (path) => {
    const whole = await list(`${path}${path.includes('?') ? '&' : '?'}limit=1000`);
    expect(whole.next_cursor).toBeNull();
    expect(whole.data.length).toBeGreaterThan(2);
    const paged = await allPages(path, 2);
    expect(paged.map((x) => x.id ?? x.code)).toEqual(whole.data.map((x) => x.id ?? x.code));
  });

  it('puts the next cursor of a CSV page in X-Next-Cursor', async () => {
    const first = await get('/events.csv?limit=2');
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    const json = await list(`/events.json?limit=2`);
    expect(cursor).toBe(json.next_cursor);
    const last = await get('/events.csv?limit=1000');
    expect(last.headers.get('x-next-cursor')).toBeNull();
  });

  it('sort -date reverses the dated events', async () => {
    const up = (await list('/events.json?from=2000-01-01')).data.map((e) => e.id);
    const down = (await list('/events.json?from=2000-01-01&sort=-date')).data.map((e) => (e.date as { start: string }).start);
    expect(down).toEqual([...down].sort().reverse());
    expect(up).toHaveLength(down.length);
  });
});

describe('filters', () => {
  it('dyad CHN-KOR keeps events with both countries, CHN>KOR only CHN acting on KOR', async () => {
    const either = (await list('/events.json?dyad=CHN-KOR')).data;
    expect(either.length).toBeGreaterThan(0);
    for (const e of either) expect([...parties(e, 'actor'), ...parties(e, 'recipient')]).toEqual(expect.arrayContaining(['CHN', 'KOR']));
    const directed = (await list('/events.json?dyad=CHN%3EKOR')).data;
    expect(directed.length).toBeGreaterThan(0);
    expect(directed.length).toBeLessThan(either.length);
    for (const e of directed) {
      expect(parties(e, 'actor')).toContain('CHN');
      expect(parties(e, 'recipient')).toContain('KOR');
    }
    expect((await list('/events.json?dyad=chn-kor')).data).toEqual(either);
  });

  it('from/to keep events whose dates overlap the range', async () => {
    const r = (await list('/events.json?from=2024-11-01&to=2024-11-30')).data;
    expect(r.length).toBeGreaterThan(0);
    for (const e of r) {
      const d = e.date as { start: string; end: string };
      expect(d.end >= '2024-11-01' && d.start <= '2024-11-30').toBe(true);
    }
    const all = (await list('/events.json')).data;
    expect(r.length).toBeLessThan(all.length);
  });

  it('category and quad take lists', async () => {
    const r = (await list('/events.json?category=consult,agree')).data;
    expect(r.length).toBeGreaterThan(0);
    expect(new Set(r.map((e) => e.event_type))).toEqual(new Set(['CONSULT', 'AGREE']));
    const q = (await list('/events.json?quad=verbal_conflict&quad=material_conflict')).data;
    expect(q.length).toBeGreaterThan(0);
    for (const e of q) expect(String(e.quad)).toMatch(/conflict$/);
  });

  it('statistics: inconsistent=true and false split the statistics with a check', async () => {
    const all = (await list('/statistics.json')).data;
    const bad = (await list('/statistics.json?inconsistent=true')).data;
    const good = (await list('/statistics.json?inconsistent=false')).data;
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((s) => (s.change as { consistent: boolean }).consistent === false)).toBe(true);
    expect(bad.length + good.length).toBe(all.length);
  });

  it('statistics and quotes by dyad come from documents that report an event of the dyad', async () => {
    const kor = new Set((await list('/events.json?dyad=JPN-KOR')).data.map((e) => e.document_id));
    const quotes = (await list('/quotes.json?dyad=CHN-KOR')).data;
    expect(quotes.length).toBeGreaterThan(0);
    const chnKor = new Set((await list('/events.json?dyad=CHN-KOR')).data.map((e) => e.document_id));
    for (const q of quotes) expect(chnKor.has(q.document_id as string)).toBe(true);
    expect((await list('/statistics.json?dyad=JPN-KOR')).data.every((s) => kor.has(s.document_id as string))).toBe(true);
  });

  it('fused events filter by min_sources and status', async () => {
    const all = (await list('/fused-events.json?status=asserted,future,negated,hypothetical')).data;
    const def = (await list('/fused-events.json')).data;
    expect(def.every((e) => e.status === 'asserted' || e.status === 'future')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(def.length);
    expect((await list('/fused-events.json?min_sources=2')).data.every((e) => Number(e.sources) >= 2)).toBe(true);
  });
});

describe('records with evidence', () => {
  it('/documents/:id gives the text, and every evidence offset points at its sentence', async () => {
    const docs = (await list('/documents.json')).data;
    for (const d of docs) {
      const r = (await get(`/documents/${d.id}`)).body as { document: { text: string }; sentences: Array<{ start: number; end: number }>; events: Array<{ evidence: { sentence: string; start: number; end: number } }>; quotes: unknown[] };
      expect(r.sentences.length).toBeGreaterThan(0);
      for (const e of r.events) expect(r.document.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.sentence);
    }
    const prefix = String(docs[0]!.id).slice(0, 8);
    expect(((await get(`/documents/${prefix}`)).body as { document: { id: string } }).document.id).toBe(docs[0]!.id);
  });

  it('/fused-events/:id lists its reports with offsets into the document text', async () => {
    const fused = (await list('/fused-events.json?dyad=CHN-KOR')).data[0]!;
    const r = (await get(`/fused-events/${fused.id}`)).body as { event: { id: string }; reports: Array<{ document_id: string; sentence_text: string; start: number; end: number }> };
    expect(r.event.id).toBe(fused.id);
    expect(r.reports.length).toBe(fused.reports);
    for (const rep of r.reports) {
      const doc = (await get(`/documents/${rep.document_id}`)).body as { document: { text: string } };
      expect(doc.document.text.slice(rep.start, rep.end)).toBe(rep.sentence_text);
    }
  });

  it('indicators, index and brief answer for a pair, also as CSV', async () => {
    const ind = (await get('/indicators.json?a=CHN&b=KOR&by=year')).body as { data: { periods: Array<{ period: string; fused_events: number }> } };
    expect(ind.data.periods.some((p) => p.fused_events > 0)).toBe(true);
    const csv = parseCsv((await get('/indicators.csv?a=CHN&b=KOR&by=year')).text);
    expect(csv.slice(1).map((r) => r.fields[0])).toEqual(ind.data.periods.map((p) => p.period));
    const idx = (await get('/relations-index.json?a=KOR&b=CHN')).body as { data: { months: Array<{ month: string; events: unknown[] }> } };
    expect(idx.data.months.some((m) => m.events.length > 0)).toBe(true);
    const top1 = (await get('/relations-index.json?a=KOR&b=CHN&top=1')).body as { data: { months: Array<{ events: Array<{ id: string }>; event_count: number }>; events: Record<string, unknown> } };
    expect(top1.data.months.some((m) => m.event_count > 1)).toBe(true);
    for (const m of top1.data.months) expect(m.events.length).toBe(Math.min(1, m.event_count));
    expect(Object.keys(top1.data.events).sort()).toEqual([...new Set(top1.data.months.flatMap((m) => m.events.map((e) => e.id)))].sort());
    const lean = (await get('/relations-index.json?a=KOR&b=CHN&top=1&events=none')).body as typeof top1;
    expect(lean.data.events).toBeUndefined();
    expect(lean.data.months).toEqual(top1.data.months);
    type Ctx = { data: { periods: Array<{ period: string; fused_events: number; contexts: Record<string, { fused_events: number }> }> } };
    const all = (await get('/indicators.json?a=CHN&b=KOR&by=month&contexts=all')).body as Ctx;
    const sparse = (await get('/indicators.json?a=CHN&b=KOR&by=month')).body as Ctx;
    const none = (await get('/indicators.json?a=CHN&b=KOR&by=month&contexts=none')).body as Ctx;
    expect(all.data.periods.some((p) => Object.values(p.contexts).some((m) => m.fused_events === 0))).toBe(true);
    expect(sparse.data.periods.map((p) => p.period)).toEqual(all.data.periods.map((p) => p.period));
    sparse.data.periods.forEach((p, i) => {
      const full = all.data.periods[i]!;
      expect(p.fused_events).toBe(full.fused_events);
      expect(p.contexts).toEqual(Object.fromEntries(Object.entries(full.contexts).filter(([, m]) => m.fused_events > 0)));
    });
    expect(sparse.data.periods.some((p) => Object.keys(p.contexts).length > 0)).toBe(true);
    for (const p of none.data.periods) expect(p.contexts).toEqual({});
    const brief = await get('/brief?a=CHN&b=KOR&from=2024-11-01&to=2024-11-30&format=md');
    expect(brief.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect((await get('/brief?a=CHN&b=KOR&from=2024-11-01&to=2024-11-30')).headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('search', () => {
  it('finds documents and evidence, with highlighted snippets and offsets', async () => {
    const hits = (await list('/search?q=tourists')).data as Array<{ kind: string; document_id: string; snippet: string; start: number | null; end: number | null }>;
    expect(new Set(hits.map((h) => h.kind))).toContain('document');
    expect(hits.some((h) => h.kind !== 'document')).toBe(true);
    for (const h of hits) {
      expect(h.snippet.toLowerCase()).toContain('«tourists»');
      if (h.start === null || h.end === null) continue;
      const doc = (await get(`/documents/${h.document_id}`)).body as { document: { text: string } };
      expect(doc.document.text.slice(h.start, h.end).toLowerCase()).toContain('tourists');
    }
  });

  it('kind, phrases, prefixes and exclusions narrow the hits', async () => {
    const events = (await list('/search?q=tour*&kind=event')).data;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((h) => h.kind === 'event')).toBe(true);
    const docs = (await list('/search?q=tour*&kind=document')).data.map((h) => h.id);
    const without = (await list('/search?q=tour*%20-visa&kind=document')).data.map((h) => h.id);
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(docs.length);
    for (const id of without) expect((((await get(`/documents/${id}`)).body as { document: { text: string } }).document.text).toLowerCase()).not.toMatch(/\bvisa\b/);
    const phrase = (await list('/search?q=%22cultural%20exchanges%22')).data;
    expect(phrase.length).toBeGreaterThan(0);
    expect((await list('/search?q=%22exchanges%20cultural%22')).data).toHaveLength(0);
  });

  it('/documents?q= keeps the documents that contain the words', async () => {
    const docs = (await list('/documents.json?q=visa')).data;
    const all = (await list('/documents.json')).data;
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThan(all.length);
    for (const d of docs) expect((((await get(`/documents/${d.id}`)).body as { document: { text: string } }).document.text).toLowerCase()).toContain('visa');
  });
});

describe('bad parameters get 400 with the error shape naming the parameter', () => {
  const cases: Array<[string, string]> = [
    ['/events?from=2024-13-01', 'from'],
    ['/events?from=20240101', 'from'],
    ['/events?to=2024-02-30', 'to'],
    ['/events?from=2025-01-01&to=2024-01-01', 'from'],
    ['/events?dyad=CHN-XYZ', 'dyad'],
    ['/events?dyad=CHN', 'dyad'],
    ['/events?dyad=KOR-KOR', 'dyad'],
    ['/events?actor=ZZZ', 'actor'],
    ['/events?country=KORE', 'country'],
    ['/events?category=CON-SULT', 'category'],
    ['/events?quad=friendly', 'quad'],
    ['/events?context=Culture!', 'context'],
    ['/events?include_negated=maybe', 'include_negated'],
    ['/events?limit=0', 'limit'],
    ['/events?limit=1001', 'limit'],
    ['/events?limit=ten', 'limit'],
    ['/events?limit=1&limit=2', 'limit'],
    ['/events?sort=newest', 'sort'],
    ['/events?cursor=not-a-cursor', 'cursor'],
    ['/events.csv?colour=red', 'colour'],
    ['/fused-events?status=maybe', 'status'],
    ['/fused-events?min_sources=0', 'min_sources'],
    ['/fused-events?cursor=abc', 'cursor'],
    ['/documents?from=2024-02-30', 'from'],
    ['/documents?q=---', 'q'],
    ['/documents/abc?x=1', 'x'],
    ['/statistics?inconsistent=perhaps', 'inconsistent'],
    ['/quotes?actor=XXX', 'actor'],
    ['/quotes?direct=yes', 'direct'],
    ['/actors?kind=planet', 'kind'],
    ['/indicators?b=KOR', 'a'],
    ['/indicators?a=CHN&b=CHN', 'b'],
    ['/indicators?a=CHN&b=KOR&by=day', 'by'],
    ['/indicators?a=CHN&b=QQQ', 'b'],
    ['/relations-index?a=CHN&b=KOR&half_life=0', 'half_life'],
    ['/relations-index?a=CHN&b=KOR&source_damping=sqrt', 'source_damping'],
    ['/relations-index?a=CHN&b=KOR&events=ids', 'events'],
    ['/indicators?a=CHN&b=KOR&contexts=some', 'contexts'],
    ['/brief?a=CHN&b=KOR&from=2025-01-01', 'to'],
    ['/brief?a=CHN&b=KOR&from=2025-01-01&to=2025-02-01&format=pdf', 'format'],
    ['/search', 'q'],
    ['/search?q=%20-visa', 'q'],
    ['/search?q=visa&kind=tweet', 'kind'],
    ['/search?q=visa&limit=500', 'limit'],
    ['/policies?at=2024-99-01', 'at'],
    ['/policies?between=CHN-ATL', 'between'],
    ['/impact?series=x', 'policy'],
  ];
  it.each(cases)('%s → %s', async (path, param) => {
    const r = await get(path);
    expect(r.status, r.text).toBe(400);
    const body = r.body as ErrorJson;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(param);
  });
});

describe('other errors', () => {
  it.each([
    ['/documents/0000000000ffffffffff', 404],
    ['/fused-events/fe-nothing-here', 404],
    ['/series/no-such-series', 404],
    ['/impact?policy=none&series=none', 404],
    ['/events.xml', 404],
    ['/-/nothing', 404],
  ])('%s → %i with the error shape', async (path, status) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect((r.body as ErrorJson).error.code).toBe('not_found');
  });

  it('other methods on a list are 405', async () => {
    const res = await app.request('/events', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(((await res.json()) as ErrorJson).error.code).toBe('method_not_allowed');
  });

  it('an unexpected failure is a 500 with the error shape and is logged', async () => {
    const lines: string[] = [];
    const closed = await openStore(join(dir.path, 'closed.db'));
    await closed.close();
    const bad = createApp({ store: closed, log: (l) => lines.push(l) });
    const res = await bad.request('/events.json');
    expect(res.status).toBe(500);
    expect(((await res.json()) as ErrorJson).error.code).toBe('internal');
    expect(lines.join('\n')).toContain('/events.json');
  });
});
