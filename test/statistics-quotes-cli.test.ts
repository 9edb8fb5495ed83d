import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './helpers.js';
import { openStore } from '../src/store/db.js';
import { exportQuotes } from '../src/export/quotes.js';
import { exportStatistics } from '../src/export/statistics.js';
import { selectStatistics } from '../src/store/queries/statistics.js';

const dir = tempDir();
const db = join(dir.path, 'test.db');

beforeAll(async () => {
  writeFileSync(
    join(dir.path, 'a.txt'),
    'Arrivals rise\n\nThe number of tourists visiting Jeju from June to August rose 25 per cent to 150,000 from 100,000. ' +
      'Of these, 90,000 came from China.\n\n“The numbers are encouraging,” said Kim Min-su, a researcher at a Seoul institute.\n',
  );
  writeFileSync(
    join(dir.path, 'b.txt'),
    'Flights return\n\nAirlines added 40 flights a week in March, up 11 per cent from 36. ' + 'Wang Yi said that the two sides should expand exchanges.\n',
  );
  const r = await runCli(['ingest', dir.path, '--published', '2025-09-10', '--db', db, '--quiet']);
  expect(r.code).toBe(0);
});
afterAll(() => dir.cleanup());

describe('bilat statistics', () => {
  it('lists statistics as JSON with evidence', async () => {
    const r = await runCli(['statistics', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ value: number; unit: string; evidence: { sentence: string } }>;
    expect(rows.map((s) => s.value).sort((a, b) => a - b)).toEqual([40, 90000, 150000]);
  });

  it('--inconsistent lists only statistics that do not add up', async () => {
    const r = await runCli(['statistics', '--db', db, '--inconsistent', '--format', 'jsonl']);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { value: number; consistent: boolean });
    expect(rows.map((s) => [s.value, s.consistent])).toEqual([[150000, false]]);
  });

  it('--inconsistent says which check failed and where the sentence is', async () => {
    const r = await runCli(['statistics', '--db', db, '--inconsistent', '--format', 'csv']);
    const [header, row, ...rest] = r.stdout.trim().split('\n');
    expect(rest).toEqual([]);
    expect(header!.split(',')).toEqual(expect.arrayContaining(['failed_checks', 'start', 'end', 'rule']));
    expect(row).toContain('"change_pct: stated 25, computed 50"');
    const table = await runCli(['statistics', '--db', db, '--inconsistent']);
    expect(table.stdout).toContain('change_pct: stated 25, computed 50');
  });

  it('filters by measure, unit and period', async () => {
    const byMeasure = await runCli(['statistics', '--db', db, '--measure', 'FLIGHTS', '--format', 'csv']);
    expect(byMeasure.stdout.trim().split('\n')).toHaveLength(2);
    const byPeriod = await runCli(['statistics', '--db', db, '--from', '2025-06-01', '--to', '2025-06-30', '--format', 'jsonl']);
    expect(byPeriod.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { value: number }).value).sort()).toEqual([150000, 90000]);
  });

  it('rejects a bad date with a usage error', async () => {
    const r = await runCli(['statistics', '--db', db, '--from', '2025-13-01']);
    expect(r.code).toBe(2);
  });

  it('pages with a cursor', async () => {
    const store = await openStore(db);
    try {
      const first = await selectStatistics(store, { limit: 2 });
      expect(first.rows).toHaveLength(2);
      const second = await selectStatistics(store, { limit: 2, cursor: first.next_cursor! });
      expect(second.rows).toHaveLength(1);
      expect(second.next_cursor).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('bilat quotes', () => {
  it('filters by speaker name', async () => {
    const r = await runCli(['quotes', '--db', db, '--speaker', 'kim', '--format', 'jsonl']);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; direct: boolean });
    expect(rows).toMatchObject([{ text: 'The numbers are encouraging', direct: true }]);
  });

  it('lists reported speech apart', async () => {
    const r = await runCli(['quotes', '--db', db, '--reported', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Array<{ speaker: { name: string } }>).map((q) => q.speaker.name)).toEqual(['Wang Yi']);
  });

  it('rejects a country that is not ISO 3166-1 alpha-3', async () => {
    const r = await runCli(['quotes', '--db', db, '--country', 'China']);
    expect(r.code).toBe(2);
  });
});

describe('exporters', () => {
  it('write JSON Lines', async () => {
    const store = await openStore(db);
    let out = '';
    try {
      expect(await exportStatistics(store, { write: (s: string) => (out += s) })).toBe(3);
      expect(await exportQuotes(store, { write: (s: string) => (out += s) })).toBe(2);
    } finally {
      await store.close();
    }
    expect(out.trim().split('\n').every((l) => typeof JSON.parse(l).document_id === 'string')).toBe(true);
  });
});

describe('bilat export --kind statistics|quotes', () => {
  it('exports inconsistent statistics as CSV with their evidence', async () => {
    const r = await runCli(['export', '--db', db, '--kind', 'statistics', '--inconsistent', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['value', 'consistent', 'failed_checks', 'sentence', 'start', 'end', 'rule']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^[^,]+,[^,]+,2025-09-10,150000,/);
  });

  it('exports quotes of one speaker as a JSON array', async () => {
    const r = await runCli(['export', '--db', db, '--kind', 'quotes', '--speaker', 'Wang', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ speaker: { name: string }; direct: boolean; evidence: { start: number } }>;
    expect(rows.map((q) => [q.speaker.name, q.direct])).toEqual([['Wang Yi', false]]);
  });

  it('writes a file with --output', async () => {
    const out = join(dir.path, 'stats.jsonl');
    const r = await runCli(['export', '--db', db, '--kind', 'statistics', '--unit', 'flights', '--output', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { value: number }).value)).toEqual([40]);
  });

  it('rejects a flag of another kind', async () => {
    const r = await runCli(['export', '--db', db, '--kind', 'quotes', '--measure', 'flights']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--measure does not apply to --kind quotes');
  });
});
