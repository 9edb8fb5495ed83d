import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { parseCsv } from '../src/util/csv.js';
import { ROOT, runCli, tempDir } from './helpers.js';

// Callbacks given to page.evaluate run in the page; the project's lib has no DOM, so the few
// browser globals they touch are declared loosely here.
declare const document: { querySelector<T = Element>(selector: string): T | null; querySelectorAll(selector: string): { length: number } };
type Element = { textContent: string | null };
type HTMLCanvasElement = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };

/**
 * End-to-end tests of the dashboard in headless Chromium (Debian's, never a downloaded one),
 * driven by playwright-core, against the real API on the bundled sample corpus. Screenshots and
 * first-paint timings go to test-artifacts/ (gitignored). Set BILAT_BROWSER_DB to an existing
 * database to time the dashboard on it as well (e.g. a 100,000-event one).
 */

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim());
  } catch {
    // not on the PATH
  }
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const CHROMIUM = findChromium();
const WEB = join(ROOT, 'web', 'dist');
const ARTIFACTS = join(ROOT, 'test-artifacts');
if (!CHROMIUM) console.warn('browser tests skipped: no chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
else if (!existsSync(join(WEB, 'index.html'))) console.warn('browser tests skipped: web/dist is not built (node scripts/build-web.js)');
const enabled = !!CHROMIUM && existsSync(join(WEB, 'index.html'));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

interface Server {
  url: string;
  store: Store;
  close(): Promise<void>;
}

async function startServer(db: string): Promise<Server> {
  const store = await openStore(db);
  const app = createApp({ store, webRoot: WEB, log: () => undefined });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
}

/** Timings of one load of the dashboard from the Performance API. */
async function paintTimes(page: Page): Promise<{ first_paint_ms: number | null; first_contentful_paint_ms: number | null; data_ready_ms: number | null }> {
  return page.evaluate(() => {
    const paint = (name: string) => performance.getEntriesByType('paint' as never).find((e) => e.name === name)?.startTime ?? null;
    const readyMark = performance.getEntriesByName('bilat:ready')[0]?.startTime ?? null;
    return { first_paint_ms: paint('first-paint'), first_contentful_paint_ms: paint('first-contentful-paint'), data_ready_ms: readyMark };
  });
}

function recordTimings(label: string, t: object): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'dashboard-timings.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[label] = { ...t, measured_at: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  process.stderr.write(`dashboard timings (${label}): ${JSON.stringify(t)}\n`);
}

describe.skipIf(!enabled)('dashboard in headless Chromium', () => {
  const dir = tempDir('bilat-browser-');
  let server: Server;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const db = join(dir.path, 'sample.db');
    for (const argv of [
      ['demo', '--db', db, '--quiet'],
      ['policies', 'import', ...readdirSync(join(ROOT, 'data', 'policies')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'data', 'policies', f)), '--db', db],
      ['series', 'import', join(ROOT, 'data', 'series', 'series.yaml'), '--db', db],
    ]) {
      const r = await runCli(argv, { cwd: ROOT });
      expect(r.code, `${argv[0]}: ${r.stderr}`).toBe(0);
    }
    server = await startServer(db);
    ctx = await launch(join(dir.path, 'profile'));
    page = ctx.pages()[0] ?? (await ctx.newPage());
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    dir.cleanup();
  });

  it('loads the dyad view with CHN–KOR preselected and draws the index with data', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await ready(page);
    recordTimings('sample', await paintTimes(page));
    expect(await page.inputValue('#country-a')).toBe('CHN');
    expect(await page.inputValue('#country-b')).toBe('KOR');
    // Markers of months with events are drawn in the green or red of a move.
    const moved = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#index-chart canvas');
      if (!canvas) return -1;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if ((Math.abs(r - 0x1d) < 12 && Math.abs(g - 0x7a) < 12 && Math.abs(b - 0x46) < 12) || (Math.abs(r - 0xc0) < 12 && Math.abs(g - 0x39) < 12 && Math.abs(b - 0x2b) < 12)) n++;
      }
      return n;
    });
    expect(moved).toBeGreaterThan(50);
    const view = new URL(page.url()).searchParams;
    const api = await (await fetch(`${server.url}/fused-events.json?dyad=CHN-KOR&from=${view.get('from')}&to=${view.get('to')}&sort=importance&limit=1000`)).json() as { data: { date: unknown }[] };
    const dated = api.data.filter((e) => e.date).length;
    expect(dated).toBeGreaterThan(0);
    expect(await page.locator('#timeline-panel tbody tr').count()).toBe(dated);
    expect(await page.locator('#index-panel .move-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#stats-panel .card').count()).toBeGreaterThan(0);
    expect(await page.locator('#quotes-panel .card').count()).toBeGreaterThan(0);
    expect(await page.locator('#impact-panel .effect').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'dyad-view.png'), fullPage: true });
  });

  it('opens an event with every report and its evidence highlighted in the document text', async () => {
    const button = page.locator('#timeline-panel tbody button').first();
    const id = await button.getAttribute('data-event');
    const detail = (await (await fetch(`${server.url}/fused-events/${id}`)).json()) as { reports: { document_id: string; start: number; end: number }[] };
    await button.click();
    await page.waitForSelector('#event-panel .report mark.evidence', { timeout: 20_000 });
    await page.waitForFunction((n) => document.querySelectorAll('#event-panel .report mark.evidence').length === n, detail.reports.length, { timeout: 20_000 });
    const marks = await page.locator('#event-panel .report mark.evidence').allTextContents();
    const expected = await Promise.all(
      detail.reports.map(async (r) => {
        const doc = (await (await fetch(`${server.url}/documents/${r.document_id}`)).json()) as { document: { text: string } };
        return doc.document.text.slice(r.start, r.end);
      }),
    );
    expect(marks).toEqual(expected);
    await page.locator('#event-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'event-detail.png') });
    // The reader opens on the same document with the same span marked.
    await page.locator('#event-panel .report button.link').first().click();
    await page.waitForSelector('#reader-panel[data-state="ok"] mark.evidence');
    expect(await page.locator('#reader-panel mark.evidence').textContent()).toBe(expected[0]);
  });

  it('searches documents and evidence and opens a hit in the reader at the match', async () => {
    await page.fill('#search-q', 'visa');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('#search-panel[data-state="ok"] .hit');
    const hits = (await (await fetch(`${server.url}/search?q=visa&limit=50`)).json()) as { data: { document_id: string; start: number | null; end: number | null }[] };
    expect(await page.locator('#search-panel .hit').count()).toBe(hits.data.length);
    expect(await page.locator('#search-panel .hit mark').count()).toBeGreaterThan(0);
    const first = hits.data.findIndex((h) => h.start !== null);
    await page.locator('#search-panel .hit button.link').nth(first).click();
    await page.waitForSelector('#reader-panel[data-state="ok"] mark.evidence');
    const hit = hits.data[first]!;
    const doc = (await (await fetch(`${server.url}/documents/${hit.document_id}`)).json()) as { document: { text: string } };
    expect(await page.locator('#reader-panel mark.evidence').textContent()).toBe(doc.document.text.slice(hit.start!, hit.end!));
  });

  it('exports the events on screen as CSV', async () => {
    const rows = await page.locator('#timeline-panel tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#timeline-panel a.export', { hasText: 'CSV' }).click()]);
    const file = join(dir.path, 'export.csv');
    await download.saveAs(file);
    const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
    expect(header!.fields).toContain('event_type');
    // Undated events are not on the timeline; the export has every row of the same query.
    const dated = records.filter((r) => r.fields[header!.fields.indexOf('date')] !== '');
    expect(dated.length).toBe(rows);
  });

  it('shows a clear message when the API fails', async () => {
    const p2 = await ctx.newPage();
    await p2.route('**/relations-index*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'database is locked' } }) }));
    await p2.goto(`${server.url}/`);
    await p2.waitForSelector('#index-panel[data-state="error"]');
    expect(await p2.locator('#index-panel .state').textContent()).toContain('database is locked');
    expect(await p2.locator('#alert').isVisible()).toBe(true);
    await p2.unrouteAll();
    await p2.route('**/-/health', (route) => route.abort('connectionrefused'));
    await p2.reload();
    await p2.waitForSelector('body[data-ready="error"]');
    expect(await p2.locator('#alert').textContent()).toMatch(/cannot reach the Bilat API/);
    await p2.close();
  });

  it.skipIf(!process.env.BILAT_BROWSER_DB)('times the dashboard on BILAT_BROWSER_DB', async () => {
    const big = await startServer(process.env.BILAT_BROWSER_DB!);
    try {
      const p3 = await ctx.newPage();
      await p3.goto(`${big.url}/`);
      await ready(p3);
      recordTimings(`BILAT_BROWSER_DB=${process.env.BILAT_BROWSER_DB}`, await paintTimes(p3));
      await p3.screenshot({ path: join(ARTIFACTS, 'dyad-view-large.png'), fullPage: true });
      await p3.close();
    } finally {
      await big.close();
    }
  }, 180_000);
});
