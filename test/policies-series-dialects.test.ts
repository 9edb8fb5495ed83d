import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

/**
 * The policy, series and impact commands give the same output on every database. SQLite always
 * runs; PostgreSQL runs when BILAT_TEST_PG_URL names a server (e.g. postgres://user@host:5432/db),
 * in a fresh schema per run.
 */
const pg = process.env.BILAT_TEST_PG_URL;
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
    const schema = `bilat_test_${process.pid}_${Date.now()}`;
    const url = `${pg}${pg!.includes('?') ? '&' : '?'}schema=${schema}`;
    expect(await outputs(url)).toEqual(await outputs(join(dir.path, 'a.db')));
  });

  it('SQLite gives the same output twice from fresh databases (no hidden state)', async () => {
    expect(await outputs(join(dir.path, 'b.db'))).toEqual(await outputs(join(dir.path, 'c.db')));
  });
});
