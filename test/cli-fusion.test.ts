import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { fusedId } from '../src/analysis/fusion/summarize.js';
import { DOCS, saveSyntheticDoc } from './fusion-fixture.js';
import { runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir.path, 'fusion.db');
beforeAll(async () => {
  const store = await openStore(db);
  for (const d of DOCS) await saveSyntheticDoc(store, d);
  await store.close();
});
afterAll(() => dir.cleanup());

describe('bilat fuse, fused and event', () => {
  it('fuses pending events, then lists fused events with their report counts', async () => {
    const fuse = await runCli(['fuse', '--db', db]);
    expect(fuse.code).toBe(0);
    expect(fuse.stderr).toMatch(/fuse: 12 report\(s\) fused .* 12 reports in 4 fused events \(4 with several reports\)/);
    const r = await runCli(['fused', '--dyad', 'chn-kor', '--type', 'CONSULT', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,date,date_end,date_precision,event_type,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 2).concat(l.split(',').slice(14, 17)))).toEqual([
      ['2025-11-01', '3', '2', '2'],
      ['2026-01-05', '4', '3', '2'],
    ]);
  });

  it('shows every report of the summit side by side with its evidence', async () => {
    const r = await runCli(['event', 's1', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${fusedId('p1')}  CONSULT  CHN ⇄ KOR`);
    expect(r.stdout).toContain('sources:   4 report(s) in 3 document(s) from 2 outlet(s)');
    for (const id of ['p1', 's1', 'r1', 'r2']) expect(r.stdout).toContain(`CONSULT report ${id}.`);
    expect(r.stdout).toMatch(/2\s+2026-01-05\s+Xinhua\s+CONSULT\s+CHN→KOR\s+2026-01-05\s+Beijing/);
    const json = JSON.parse((await runCli(['event', fusedId('p1'), '--format', 'json', '--db', db])).stdout);
    expect(json.reports.map((x: { event: { id: string } }) => x.event.id)).toEqual(['p1', 's1', 'r1', 'r2']);
  });

  it('rebuilds to the same events', async () => {
    const before = (await runCli(['fused', '--format', 'json', '--status', 'asserted,future,negated,hypothetical', '--db', db])).stdout;
    expect((await runCli(['fuse', '--rebuild', '--db', db])).code).toBe(0);
    expect((await runCli(['fused', '--format', 'json', '--status', 'asserted,future,negated,hypothetical', '--db', db])).stdout).toBe(before);
  });

  it.each([
    [['fused', '--dyad', 'CHN'], 2, /--dyad must look like CHN-KOR/],
    [['fused', '--dyad', 'KOR-KOR'], 2, /two different countries/],
    [['fused', '--dyad', 'CHN-QQQ'], 2, /unknown country code "QQQ"/],
    [['indicators', 'CHN', 'ZZZ'], 2, /unknown country code "ZZZ"/],
    [['index', 'XXX', 'KOR'], 2, /unknown country code "XXX"/],
    [['brief', 'CHN', 'QQQ', '--from', '2025-01-01', '--to', '2025-02-01'], 2, /unknown country code "QQQ"/],
    [['fused', '--status', 'maybe'], 2, /--status must be among/],
    [['fused', '--from', '2026-02-01', '--to', '2026-01-01'], 2, /is after/],
    [['fused', '--min-reports', 'two'], 2, /whole number/],
    [['event'], 2, /give a fused event id/],
    [['event', 'nope'], 1, /no fused event or report with id "nope"/],
    [['fuse', 'now'], 2, /unexpected argument/],
  ])('%j exits %i', async (argv, code, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('bilat events --fused', () => {
  it('lists the same fused events as bilat fused', async () => {
    const a = await runCli(['events', '--fused', '--dyad', 'CHN-KOR', '--type', 'CONSULT', '--format', 'csv', '--db', db]);
    const b = await runCli(['fused', '--dyad', 'CHN-KOR', '--type', 'CONSULT', '--status', 'asserted,future,hypothetical', '--format', 'csv', '--db', db]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('refuses report-only flags', async () => {
    const r = await runCli(['events', '--fused', '--actor', 'KOR', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--actor does not apply with --fused/);
  });
});
