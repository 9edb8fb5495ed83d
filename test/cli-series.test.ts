import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir.path, 's.db');
beforeAll(async () => {
  const r = await runCli(['series', 'import', join(ROOT, 'data', 'series', 'series.yaml'), '--db', db]);
  expect(r.code).toBe(0);
});
afterAll(() => dir.cleanup());

describe('bilat series', () => {
  it('imports the starter manifest and lists it', async () => {
    const r = await runCli(['series', 'list', '--format', 'json', '--db', db]);
    const names = (JSON.parse(r.stdout) as Array<{ name: string }>).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['kr_departures_china_monthly', 'kr_departures_japan_jan_aug', 'cn_visitors_korea_monthly', 'cn_visa_free_entries_quarterly']));
  });

  it('shows a series as CSV with derived flags and sources', async () => {
    const r = await runCli(['series', 'show', 'kr_departures_japan_jan_aug', '--format', 'csv', '--db', db]);
    expect(r.stdout.split('\n')[1]).toMatch(/^2024,2024-01-01,2024-08-31,5657241,true,false,/);
  });

  it('imports a CSV with flags, and refuses the same name without --replace', async () => {
    const file = join(dir.path, 'q.csv');
    writeFileSync(file, 'period,value\n2024-Q1,1\n2024-Q2,2\n');
    const args = ['series', 'import', file, '--name', 'q_test', '--unit', 'entries', '--frequency', 'quarter', '--db', db];
    expect((await runCli(args)).code).toBe(0);
    const again = await runCli(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already; pass --replace/);
    expect((await runCli([...args, '--replace'])).code).toBe(0);
  });

  it('reports a bad file with file:line and stores nothing', async () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(file, 'period,value\n2024-11,1\n2024-11,2\n');
    const r = await runCli(['series', 'import', file, '--name', 'bad_one', '--unit', 'persons', '--frequency', 'month', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3: period 2024-11 appears twice (first on line 2)`);
    expect((await runCli(['series', 'show', 'bad_one', '--db', db])).code).toBe(1);
  });

  it.each([
    [['series', 'import', 'x.csv', '--name', 'x'], /needs --unit, --frequency/],
    [['series', 'import', 'x.csv', '--name', 'X!', '--unit', 'u', '--frequency', 'month'], /--name must be lower-case/],
    [['series', 'import', 'x.csv', '--name', 'x', '--unit', 'u', '--frequency', 'weekly'], /--frequency must be one of month, quarter, year/],
    [['series', 'import', 'x.csv', '--name', 'x', '--unit', 'u', '--frequency', 'month', '--months', '1-8'], /--months applies to yearly series only/],
    [['series', 'import', 'x.yaml', '--unit', 'u'], /cannot be combined with a manifest/],
    [['series', 'show', 'x', '--replace'], /--replace does not apply/],
  ])('usage error %j', async (argv, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
