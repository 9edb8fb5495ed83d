import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';
import { dropSchemas, pgUrl, TEST_PG, uniqueSchema } from './dialects.js';

/**
 * The policy, series and impact commands give the same output on every database. SQLite always
 * runs; PostgreSQL runs when BILAT_TEST_PG names a server (e.g. postgres://postgres@127.0.0.1:5432/test),
 * in a fresh schema per run that is dropped afterwards.
 */
const pg = TEST_PG;
const dir = tempDir();
afterAll(() => dir.cleanup());

const COMMANDS: string[][] = [
  ['policies', 'at', '2025-10-01', '--between', 'CHN', 'KOR', '--format', 'csv'],
  ['policies', 'at', '2025-06-01', '--as-of', '2024-11-05', '--format', 'csv'],
  ['policies', 'list', '--format', 'csv'],
  ['policies', 'export'],
  ['series', 'list', '--format', 'csv'],
  ['series', 'show', 'cn_visitors_korea_monthly', '--format', 'csv'],
  ['impact', '--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_jan_aug', '--control', 'kr_departures_japan_jan_aug', '--format', 'json'],
];

async function outputs(db: string): Promise<string[]> {
  const policies = ['china-korea.yaml', 'china-visa-free.yaml', 'japan-korea.yaml'].map((f) => join(ROOT, 'data', 'policies', f));
  expect((await runCli(['policies', 'import', ...policies, '--db', db])).code).toBe(0);
  expect((await runCli(['series', 'import', join(ROOT, 'data', 'series', 'series.yaml'), '--db', db])).code).toBe(0);
  const out: string[] = [];
  for (const argv of COMMANDS) {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(0);
    out.push(r.stdout);
  }
  return out;
}

describe('policies, series and impact across databases', () => {
  it.skipIf(!pg)('PostgreSQL gives the same output as SQLite', async () => {
    const schema = uniqueSchema();
    try {
      expect(await outputs(pgUrl(pg!, schema))).toEqual(await outputs(join(dir.path, 'a.db')));
    } finally {
      await dropSchemas(pg!, [schema]);
    }
  });

  it('SQLite gives the same output twice from fresh databases (no hidden state)', async () => {
    expect(await outputs(join(dir.path, 'b.db'))).toEqual(await outputs(join(dir.path, 'c.db')));
  });
});
