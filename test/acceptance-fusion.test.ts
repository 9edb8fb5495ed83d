import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

/** What issue 5 says the sample corpus must show once ingested. */
const dir = tempDir();
const db = join(dir.path, 'sample.db');
beforeAll(async () => {
  expect((await runCli(['ingest', 'data/sample/articles', '--quiet', '--db', db], { cwd: ROOT })).code).toBe(0);
});
afterAll(() => dir.cleanup());

interface Row {
  id: string;
  date: { start: string } | null;
  documents: number;
  reports: number;
  report_ids: string[];
}

test('the Beijing summit of 5 January 2026 is one fused event from several documents, apart from the Gyeongju meeting', async () => {
  const r = await runCli(['fused', '--dyad', 'CHN-KOR', '--type', 'CONSULT', '--status', 'asserted', '--from', '2025-10-25', '--to', '2026-01-10', '--format', 'json', '--db', db]);
  const rows = JSON.parse(r.stdout) as Row[];
  // A state visit (a trip: "Lee is on a four-day state visit") is a different event from the
  // talks held during it; the talks are the one event that many documents report.
  const meetings = rows.filter((x) => x.documents >= 3);
  const summit = meetings.filter((x) => x.date?.start === '2026-01-05');
  const gyeongju = meetings.filter((x) => x.date?.start === '2025-11-01');
  expect(summit).toHaveLength(1);
  expect(summit[0]!.documents).toBeGreaterThanOrEqual(3);
  expect(gyeongju).toHaveLength(1);
  expect(gyeongju[0]!.id).not.toBe(summit[0]!.id);
  const shown = await runCli(['event', summit[0]!.id, '--format', 'json', '--db', db]);
  expect((JSON.parse(shown.stdout) as { reports: Array<{ event: { id: string } }> }).reports.map((x) => x.event.id)).toEqual(summit[0]!.report_ids);
});

test('a rebuild gives the fused events that ingest built incrementally', async () => {
  const all = ['fused', '--status', 'asserted,future,negated,hypothetical', '--limit', '100000', '--format', 'json', '--db', db];
  const before = (await runCli(all)).stdout;
  expect((await runCli(['fuse', '--rebuild', '--db', db])).code).toBe(0);
  expect((await runCli(all)).stdout).toBe(before);
});

test('the index explanation names the events behind the largest moves', async () => {
  const r = await runCli(['index', 'CHN', 'KOR', '--from', '2016-01-01', '--explain', '--db', db]);
  const moves = r.stdout.split('Largest monthly moves and the events behind them:\n')[1]!.split('Contributions, month by month:')[0]!;
  expect(moves.match(/^ {2}\d{4}-\d{2} {2}index /gm)).toHaveLength(5);
  expect(moves).toMatch(/[+−]\d\.\d\d {2}[A-Z]+\S* \S+ \d{4}-\d{2}/);
});
