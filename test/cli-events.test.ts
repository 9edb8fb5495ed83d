import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'gazetteer');
const ARTICLE = [
  'Tokyo talks',
  '',
  'Chinese Foreign Minister Wang Yi and his South Korean counterpart Cho Tae-yul met in Tokyo and agreed to work together to restore cultural ties.',
  '',
  'Xi Jinping did not visit Seoul. Seoul said it would waive visas for Chinese tour groups.',
].join('\n');

describe('bilat events and bilat export', () => {
  const dir = tempDir();
  const db = join(dir.path, 'bilat.db');
  const env = { BILAT_GAZETTEER: FIXTURE };
  beforeAll(async () => {
    writeFileSync(join(dir.path, 'article.txt'), ARTICLE);
    const r = await runCli(['ingest', join(dir.path, 'article.txt'), '--published', '2025-03-23', '--db', db, '--quiet'], { env });
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => dir.cleanup());

  it('lists the events of a dyad as JSON records', async () => {
    const r = await runCli(['events', '--dyad', 'CHN-KOR', '--format', 'json', '--db', db], { env });
    expect(r.code, r.stderr).toBe(0);
    const events = JSON.parse(r.stdout) as Array<{ event_type: string; evidence: { sentence: string } }>;
    expect(events.map((e) => e.event_type).sort()).toEqual(['AGREE', 'CONCEDE', 'CONSULT']);
  });

  it('leaves negated events out unless asked', async () => {
    const without = await runCli(['events', '--actor', 'CHN', '--type', 'CONSULT', '--format', 'jsonl', '--db', db], { env });
    const withNeg = await runCli(['events', '--actor', 'CHN', '--type', 'CONSULT', '--include-negated', '--format', 'jsonl', '--db', db], { env });
    expect(without.stdout.trim().split('\n')).toHaveLength(1);
    expect(withNeg.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('filters by context and prints a table', async () => {
    const r = await runCli(['events', '--context', 'tourism', '--db', db], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CONCEDE');
    expect(r.stdout).not.toContain('CONSULT');
  });

  it.each([
    [['--dyad', 'CHN-XYZ'], 'unknown country code "XYZ"'],
    [['--actor', 'Korea'], 'bilat gazetteer countries'],
    [['--type', 'MEET'], 'unknown event type "MEET"'],
    [['--context', 'weather'], 'unknown context "weather"'],
    [['--from', '2025-13-01'], '--from must be a date'],
    [['--dyad', 'CHN'], '--dyad must look like CHN-KOR'],
  ])('rejects %j with exit code 2', async (flags, message) => {
    const r = await runCli(['events', ...flags, '--db', db], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exports PLOVER-style JSON Lines, one event per line', async () => {
    const out = join(dir.path, 'events.jsonl');
    const r = await runCli(['export', '--kind', 'events', '--format', 'jsonl', '--output', out, '--include-negated', '--db', db], { env });
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(4);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'date', 'event_type', 'mode', 'contexts', 'actor', 'recipient', 'text', 'evidence']));
      expect((l.actor as Array<{ code: string }>)[0]?.code).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('exports CSV with a header', async () => {
    const r = await runCli(['export', '--format', 'csv', '--dyad', 'CHN>KOR', '--db', db], { env });
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^id,date,/);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('rejects an unknown export kind', async () => {
    const r = await runCli(['export', '--kind', 'weather', '--db', db], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kinds are events');
  });
});

describe('bilat gazetteer', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('finds country codes by name', async () => {
    const r = await runCli(['gazetteer', 'countries', '--search', 'korea', '--format', 'json'], { env: { BILAT_GAZETTEER: FIXTURE } });
    expect(r.code).toBe(0);
    const codes = (JSON.parse(r.stdout) as Array<{ code: string }>).map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['KOR', 'PRK']));
  });

  it('reports a broken user file with its path and entry', async () => {
    const bad = join(dir.path, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'people.yaml'), '- id: kim\n  name: Kim\n  roles:\n    - {country: KOREA, sector: GOV}\n');
    const r = await runCli(['gazetteer', '--gazetteer', bad], { env: { BILAT_GAZETTEER: FIXTURE } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('people.yaml: entry 1 (id: kim): roles.0.country');
  });

  it('uses people from a user folder in extraction', async () => {
    const mine = join(dir.path, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'people-local.yaml'), '- id: han-seo-yeon\n  name: Han Seo-yeon\n  roles:\n    - {country: KOR, sector: LEG, title: lawmaker, from: 2020-01-01}\n');
    const r = await runCli(['extract', '-', '--published', '2025-03-23', '--gazetteer', mine], { env: { BILAT_GAZETTEER: FIXTURE }, stdin: 'Han Seo-yeon criticised Japan.' });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { events: Array<{ actor: Array<{ country: string; sector: string; id: string }> }> };
    expect(out.events[0]?.actor[0]).toMatchObject({ country: 'KOR', sector: 'LEG', id: 'han-seo-yeon' });
  });
});
