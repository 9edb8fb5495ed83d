import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

test('ingesting data/sample twice stores every document once; the second run reports all as duplicates', async () => {
  const db = join(dir.path, 'sample.db');
  const first = await runCli(['ingest', 'data/sample', '--db', db], { cwd: ROOT });
  expect(first.stderr).not.toMatch(/^failed/m);
  expect(first.code).toBe(0);
  const stored = Number(/ingest: (\d+) new, 0 duplicate, 0 failed/.exec(first.stderr)?.[1]);
  // One document per article file, plus one per item of each feed, minus the feed files themselves.
  const files = readdirSync(join(ROOT, 'data', 'sample', 'articles'));
  const feeds = files.filter((f) => f.endsWith('.xml'));
  expect(stored).toBeGreaterThanOrEqual(files.length - feeds.length + feeds.length * 2);

  const second = await runCli(['ingest', 'data/sample', '--db', db], { cwd: ROOT });
  expect(second.code).toBe(0);
  expect(second.stderr).toMatch(new RegExp(`ingest: 0 new, ${stored} duplicate, 0 failed`));

  const docs = JSON.parse((await runCli(['documents', '--db', db, '--format', 'json'])).stdout) as Array<{ id: string }>;
  expect(docs).toHaveLength(stored);
  expect(new Set(docs.map((d) => d.id)).size).toBe(stored);
});

test('publication dates agree with the gold annotations for every sample document', async () => {
  const db = join(dir.path, 'dates.db');
  await runCli(['ingest', 'data/sample/articles', '--db', db], { cwd: ROOT });
  const docs = JSON.parse((await runCli(['documents', '--db', db, '--format', 'json'])).stdout) as Array<{ published: string | null; source_path: string }>;
  const gold = (path: string): string | null => {
    const [file, item] = path.split('/').pop()!.split('#');
    const g = JSON.parse(readFileSync(join(ROOT, 'data', 'sample', 'gold', `${file}.json`), 'utf8')) as { published?: string | null; items?: Array<{ published?: string | null }> };
    return item ? (g.items?.[Number(item) - 1]?.published ?? null) : (g.published ?? null);
  };
  const wrong = docs.filter((d) => d.published !== gold(d.source_path)).map((d) => `${d.source_path}: ${d.published} vs gold ${gold(d.source_path)}`);
  expect(wrong).toEqual([]);
});
