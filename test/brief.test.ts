import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBrief } from '../src/analysis/brief/collect.js';
import { renderBriefHtml } from '../src/analysis/brief/render-html.js';
import { renderBriefMarkdown } from '../src/analysis/brief/render-md.js';
import { openStore, type Store } from '../src/store/db.js';
import { seedBriefStore } from './brief-fixture.js';
import { ROOT, runCli, tempDir } from './helpers.js';

/** Golden files: set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then read the diff. */
const GOLDEN = join(ROOT, 'test', 'golden');
const PERIOD = { a: 'CHN', b: 'KOR', from: '2025-10-01', to: '2026-01-31' };

const dir = tempDir();
const db = join(dir.path, 'brief.db');
let store: Store;
let md = '';
let html = '';
beforeAll(async () => {
  store = await openStore(db);
  await seedBriefStore(store);
  const data = await collectBrief(store, PERIOD);
  md = renderBriefMarkdown(data);
  html = renderBriefHtml(data);
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('bilat brief', () => {
  it('matches the Markdown golden file', () => golden('brief-chn-kor.md', md));
  it('matches the HTML golden file', () => golden('brief-chn-kor.html', html));

  it('is the same from a fresh database seeded the same way', async () => {
    const other = await openStore(join(dir.path, 'again.db'));
    await seedBriefStore(other);
    const data = await collectBrief(other, PERIOD);
    expect(renderBriefMarkdown(data)).toBe(md);
    expect(renderBriefHtml(data)).toBe(html);
    await other.close();
  });

  it('lists the summit once, with its three outlets, and links every source to its sentence', async () => {
    const data = await collectBrief(store, PERIOD);
    const summit = data.top_events.find((t) => t.event.date?.start === '2026-01-05' && t.event.event_type === 'CONSULT')!;
    expect([summit.event.reports, summit.event.documents, summit.event.sources]).toEqual([3, 3, 3]);
    for (const s of summit.sources) expect(html).toContain(`href="#ev-${s.evidence}"`);
    expect(data.evidence.map((e) => e.sentence)).toEqual(expect.arrayContaining(['Lee and Xi held talks in Beijing on Monday.', 'Xi hosted Lee for talks in Beijing on Monday.']));
  });

  it('links every evidence number to an entry that exists, in both formats', () => {
    const n = (md.match(/<a id="e\d+">/g) ?? []).length;
    expect(n).toBeGreaterThan(0);
    for (const m of md.matchAll(/\[E(\d+)\]\(#e(\d+)\)/g)) expect(Number(m[1])).toBeLessThanOrEqual(n);
    for (const m of html.matchAll(/href="#ev-(\d+)"/g)) expect(html).toContain(`<li id="ev-${m[1]}">`);
  });

  it('escapes text from the data', () => {
    expect(html).not.toContain('<first summit>');
    expect(html).toContain('Lee and Xi meet in Gyeongju &lt;first summit&gt; &amp; more');
    expect(html).toContain('Ministry notice &lt;No. 7&gt; &amp; annex');
    expect(html).toContain('href="https://example.org/notice?a=1&amp;b=2"');
    expect(md).toContain('Lee and Xi meet in Gyeongju \\<first summit\\> & more');
    expect(html).not.toMatch(/<script/i);
  });

  it('writes HTML to a file with --out, and rejects a bad period', async () => {
    const out = join(dir.path, 'brief.html');
    const r = await runCli(['brief', 'CHN', 'KOR', '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'html', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(html);
    expect((await runCli(['brief', 'CHN', 'KOR', '--from', '2026-02-01', '--to', '2026-01-01', '--db', db])).code).toBe(2);
    expect((await runCli(['brief', 'CHN', 'KOR', '--db', db])).stderr).toMatch(/--from YYYY-MM-DD and --to/);
  });

  const chromium = '/usr/bin/chromium';
  it.skipIf(!existsSync(chromium))('opens cleanly in headless Chromium', async () => {
    const { chromium: launcher } = await import('playwright-core');
    const file = join(dir.path, 'view.html');
    writeFileSync(file, html);
    const ctx = await launcher.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bilat-chromium-')), {
      executablePath: chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await ctx.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`network request ${r.url()}`));
      await page.goto(`file://${file}`);
      expect(await page.title()).toBe('China–South Korea relations, 2025-10-01 to 2026-01-31');
      expect(await page.locator('svg[role="img"] polyline').count()).toBe(1);
      const links = await page.locator('a.ev').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('title')]));
      expect(links.length).toBeGreaterThan(3);
      for (const [href, title] of links) expect(await page.locator(`${href} q`).textContent()).toBe(title);
      await page.screenshot({ path: join(tmpdir(), 'bilat-brief-test.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
