import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir.path, 'p.db');
const files = ['china-korea.yaml', 'china-visa-free.yaml', 'japan-korea.yaml'].map((f) => join(ROOT, 'data', 'policies', f));

beforeAll(async () => {
  const r = await runCli(['policies', 'import', ...files, '--db', db]);
  expect(r.code).toBe(0);
});
afterAll(() => dir.cleanup());

describe('bilat policies at', () => {
  it('on 2025-01-15 lists China\'s 30-day visa-free entry for Koreans with its source, and no Korean group waiver', async () => {
    const r = await runCli(['policies', 'at', '2025-01-15', '--between', 'CHN', 'KOR', '--db', db, '--format', 'csv']);
    expect(r.code).toBe(0);
    const waiver = r.stdout.split('\n').find((l) => l.startsWith('cn-visa-free-kor/'));
    expect(waiver).toContain('cn-visa-free-kor/v2');
    expect(waiver).toContain('30 days');
    expect(waiver).toContain('ordinary passports');
    expect(waiver).toContain('PRC MFA briefing 2024-11-22');
    expect(r.stdout).not.toContain('kr-group-visa-free-chn');
  });

  it('on 2025-10-01 lists both waivers', async () => {
    const r = await runCli(['policies', 'at', '2025-10-01', '--between', 'CHN', 'KOR', '--db', db, '--format', 'json']);
    const ids = (JSON.parse(r.stdout) as Array<{ version: { id: string } }>).map((x) => x.version.id);
    expect(ids).toEqual(expect.arrayContaining(['cn-visa-free-kor/v2', 'kr-group-visa-free-chn/v1']));
  });

  it('--as-of shows what was known then', async () => {
    const r = await runCli(['policies', 'at', '2025-06-01', '--between', 'CHN,KOR', '--as-of', '2024-11-05', '--db', db, '--format', 'csv']);
    expect(r.stdout).toContain('cn-visa-free-kor/v1');
    expect(r.stdout).not.toContain('cn-visa-free-kor/v2');
  });

  it.each([
    [['policies', 'at', '2025-02-30'], /--date must be a date/],
    [['policies', 'at', '2025-01-15', '--between', 'CHN'], /two country codes/],
    [['policies', 'at', '2025-01-15', '--between', 'China', 'KOR'], /alpha-3/],
    [['policies', 'list', '--as-of', '2025-01-01'], /--as-of does not apply/],
    [['policies', 'frobnicate'], /unknown action/],
  ])('rejects bad usage %j with exit 2', async (argv, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('bilat policies import, export, show', () => {
  it('a broken file is reported with file:line and nothing from it is stored', async () => {
    const bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, 'instruments:\n  - id: zz\n    issuer: CHN\n    beneficiaries: [KOR]\n    kind: visa_waiver\n    title: T\n    formal: maybe\n    versions: []\n');
    const r = await runCli(['policies', 'import', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:7: instruments[0].formal`);
    expect(r.stderr).toContain(`${bad}:8: instruments[0].versions`);
    const show = await runCli(['policies', 'show', 'zz', '--db', db]);
    expect(show.code).toBe(1);
  });

  it('export as CSV imports back into a fresh database with the same answers', async () => {
    const csv = await runCli(['policies', 'export', '--format', 'csv', '--db', db]);
    const file = join(dir.path, 'registry.csv');
    writeFileSync(file, csv.stdout);
    const db2 = join(dir.path, 'p2.db');
    expect((await runCli(['policies', 'import', file, '--db', db2])).code).toBe(0);
    const a = await runCli(['policies', 'at', '2025-10-01', '--db', db, '--format', 'csv']);
    const b = await runCli(['policies', 'at', '2025-10-01', '--db', db2, '--format', 'csv']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('show prints versions with conditions and sources', async () => {
    const r = await runCli(['policies', 'show', 'kr-group-visa-free-chn', '--db', db]);
    expect(r.stdout).toContain('15 days; groups of 3+; designated agencies');
    expect(r.stdout).toContain('2025-09-29…2026-06-30');
  });
});

describe('bilat policies candidates, accept, reject', () => {
  it('proposes from stored events, accepts into the registry only on request', async () => {
    const { openStore } = await import('../src/store/db.js');
    const { makeEvent, storeEvents } = await import('./events.js');
    const cdb = join(dir.path, 'candidates.db');
    const store = await openStore(cdb);
    await storeEvents(store, 'doc-c', '2025-08-06', [
      makeEvent({
        id: 'ev-group',
        sentence: 'Seoul will let Chinese tour groups enter visa-free from 29 September.',
        future: true,
        actor: [{ text: 'Seoul', name: 'South Korea', country: 'KOR', sector: 'GOV' }],
        recipient: [{ text: 'Chinese tour groups', name: 'China', country: 'CHN', sector: null }],
        date: { start: '2025-09-29', end: '2025-09-29', precision: 'day', text: '29 September', source: 'inferred' },
      }),
    ]);
    await store.close();
    const listed = await runCli(['policies', 'candidates', '--format', 'json', '--db', cdb]);
    expect(listed.code).toBe(0);
    const [c] = JSON.parse(listed.stdout) as Array<{ id: string; rule: string; proposal: { issuer: string } }>;
    expect(c).toMatchObject({ rule: 'policy-cue/visa-waiver', proposal: { issuer: 'KOR' } });
    expect(JSON.parse((await runCli(['policies', 'list', '--format', 'json', '--db', cdb])).stdout)).toEqual([]);
    const accepted = await runCli(['policies', 'accept', c!.id, '--db', cdb]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout.trim()).toBe('kor-visa-waiver-chn-2025-09-29/v1');
    const at = JSON.parse((await runCli(['policies', 'at', '2025-10-01', '--between', 'KOR', 'CHN', '--format', 'json', '--db', cdb])).stdout);
    expect(at[0].version.sources[0]).toMatchObject({ kind: 'event', event_id: 'ev-group', document_id: 'doc-c', evidence: { sentence: 'Seoul will let Chinese tour groups enter visa-free from 29 September.' } });
    expect(at[0].version).toMatchObject({ announced: '2025-08-06', known_from: '2025-08-06', effective_from: '2025-09-29' });
    const again = await runCli(['policies', 'reject', c!.id, '--db', cdb]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already accepted/);
  });
});
