import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePdf } from './fixtures/pdf.js';
import { BIN, ROOT, runCli, spawnCli, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

const GOOD = (n: number) =>
  `Officials Meet ${n}\n\nSEOUL, March ${n}, 2025 (Test Wire) -- South Korean and Chinese officials met in Seoul on Monday to discuss tourism, the ministry said. It was meeting number ${n} this year.\n`;

describe('a folder mixing good files with bad inputs', () => {
  let folder: string;
  let db: string;
  beforeAll(() => {
    folder = join(dir.path, 'mixed');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'good1.txt'), GOOD(1));
    writeFileSync(join(folder, 'nested', 'good2.md'), `---\ntitle: Second\ndate: 2025-03-02\n---\n\n${GOOD(2)}`);
    writeFileSync(join(folder, 'good3.html'), `<html><head><title>Three</title></head><body><article><p>${GOOD(3).replace(/\n/g, ' ')}</p></article></body></html>`);
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    writeFileSync(join(folder, 'latin1.txt'), Buffer.from('Caf\xe9 culture in Seoul is booming, officials said.', 'latin1'));
    writeFileSync(join(folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tourism talks resumed in Beijing on Friday.', 'utf16le')]));
    writeFileSync(join(folder, 'utf16-nobom.txt'), Buffer.from('Tourism talks resumed in Beijing on Friday.', 'utf16le'));
    writeFileSync(join(folder, 'broken.xml'), '<rss><channel><item><title>x</title></channel>');
    writeFileSync(join(folder, 'lines.jsonl'), `{"text": "Seoul and Tokyo agreed to resume shuttle diplomacy.", "published": "2025-03-04"}\n{broken\n`);
    writeFileSync(join(folder, 'scan.pdf'), makePdf([[]]));
    writeFileSync(join(folder, 'huge.txt'), 'word '.repeat(300_000));
    writeFileSync(join(folder, 'notes.docx'), 'PK\x03\x04 not really');
    writeFileSync(join(folder, 'locked.txt'), 'secret');
    chmodSync(join(folder, 'locked.txt'), 0o000);
    db = join(dir.path, 'mixed.db');
  });

  test('stores every good file, names every bad one with its reason, exits 1', async () => {
    const r = await runCli(['ingest', folder, '--db', db, '--max-size', '1MB'], { cwd: dir.path });
    expect(r.code).toBe(1);
    const failed = Object.fromEntries(
      r.stderr
        .split('\n')
        .filter((l) => l.startsWith('failed'))
        .map((l) => {
          const m = /^failed\s+(.*?): (.*)$/.exec(l)!;
          return [m[1]!.split('/').pop()!, m[2]!];
        }),
    );
    expect(failed['empty.txt']).toMatch(/empty file/);
    expect(failed['image.txt']).toMatch(/binary file \(PNG image\)/);
    expect(failed['latin1.txt']).toMatch(/invalid UTF-8/);
    expect(failed['utf16-nobom.txt']).toMatch(/UTF-16/);
    expect(failed['broken.xml']).toMatch(/malformed XML/);
    expect(failed['lines.jsonl#2']).toMatch(/line 2: invalid JSON/);
    expect(failed['scan.pdf']).toMatch(/no text layer/);
    expect(failed['huge.txt']).toMatch(/file too large/);
    if (process.getuid?.() !== 0) expect(failed['locked.txt']).toMatch(/permission denied/);
    expect(r.stderr).toMatch(new RegExp(`ingest: ${process.getuid?.() === 0 ? 6 : 5} new, 0 duplicate`));
    const docs = await runCli(['documents', '--db', db, '--format', 'json']);
    const titles = (JSON.parse(docs.stdout) as Array<{ title: string | null; source_path: string }>).map((d) => d.source_path.split('/').pop());
    expect(titles.sort()).toEqual(['good1.txt', 'good2.md', 'good3.html', 'lines.jsonl#1', 'utf16.txt'].concat(process.getuid?.() === 0 ? ['locked.txt'] : []).sort());
  });

  test('a second run stores nothing new and reports the good documents as duplicates', async () => {
    const r = await runCli(['ingest', folder, '--db', db, '--max-size', '1MB'], { cwd: dir.path });
    expect(r.stderr).toMatch(/ingest: 0 new, \d+ duplicate/);
  });
});

describe('inputs and flags', () => {
  test('stdin with --published', async () => {
    const db = join(dir.path, 'stdin.db');
    const r = await runCli(['ingest', '-', '--db', db, '--published', '2025-03-23'], { stdin: 'Ministers met in Tokyo on Friday and agreed to talk again.' });
    expect(r.code).toBe(0);
    const docs = JSON.parse((await runCli(['documents', '--db', db, '--format', 'json'])).stdout);
    expect(docs[0]).toMatchObject({ published: '2025-03-23', published_source: 'user' });
  });

  test('globs select matching files', async () => {
    const g = join(dir.path, 'glob');
    mkdirSync(join(g, 'a'), { recursive: true });
    writeFileSync(join(g, 'a', 'one.txt'), GOOD(11));
    writeFileSync(join(g, 'a', 'two.md'), GOOD(12));
    writeFileSync(join(g, 'three.txt'), GOOD(13));
    const r = await runCli(['ingest', 'glob/**/*.txt', '--db', join(dir.path, 'glob.db')], { cwd: dir.path });
    expect(r.stderr).toMatch(/ingest: 2 new/);
  });

  test('the same article from another path is a duplicate, stored once', async () => {
    const db = join(dir.path, 'dup.db');
    writeFileSync(join(dir.path, 'copy-a.txt'), GOOD(21));
    writeFileSync(join(dir.path, 'copy-b.txt'), `${GOOD(21)}\n\n`);
    const r = await runCli(['ingest', join(dir.path, 'copy-a.txt'), join(dir.path, 'copy-b.txt'), '--db', db]);
    expect(r.stderr).toMatch(/ingest: 1 new, 1 duplicate/);
  });

  test.each([
    [['ingest'], /give at least one PATH/],
    [['ingest', 'x.txt', '--published', '2025-13-01'], /--published must be a date as YYYY-MM-DD/],
    [['ingest', 'x.txt', '--max-size', 'lots'], /--max-size must be a size/],
    [['ingest', 'x.txt', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['documents', '--format', 'xml'], /--format must be one of table, json, csv, jsonl/],
    [['documents', '--from', 'yesterday'], /--from must be a date/],
    [['db', 'explode'], /expected "migrate" or "status"/],
    [['show'], /give a document id/],
    [['extract'], /give exactly one FILE/],
  ])('bilat %j is a usage error (exit 2)', async (argv, message) => {
    const r = await runCli(argv, { cwd: dir.path, env: { BILAT_DB: join(dir.path, 'usage.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('an unknown command is a usage error', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });

  test('a missing path fails with exit 1 and names it', async () => {
    const r = await runCli(['ingest', 'does-not-exist.txt', '--db', join(dir.path, 'missing.db')], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed\s+does-not-exist.txt: no such file or folder/);
  });

  test('show of an unknown id exits 1', async () => {
    const r = await runCli(['show', 'ffffffffffff', '--db', join(dir.path, 'stdin.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no document with id/);
  });

  test('--help works for every command', async () => {
    const { COMMANDS } = await import('../src/cli/commands/index.js');
    for (const name of Object.keys(COMMANDS)) {
      const r = await runCli([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/^Usage: bilat /);
    }
  });
});

describe('the real executable', () => {
  test('extract prints the contract JSON and logs go to stderr', () => {
    const f = join(dir.path, '2025-03-23-tokyo.txt');
    writeFileSync(f, 'Ministers Meet\n\nTOKYO, March 22 (Test Wire) -- Foreign ministers met in Tokyo on Saturday.\n');
    const r = spawnCli(['extract', f]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.document).toMatchObject({ published: '2025-03-22', published_source: 'dateline', title: 'Ministers Meet' });
    expect(Array.isArray(out.events) && Array.isArray(out.statistics) && Array.isArray(out.quotes)).toBe(true);
  });

  test('Ctrl-C during a large ingest leaves a consistent database and a re-run resumes', async () => {
    const big = join(dir.path, 'big');
    mkdirSync(big);
    for (let i = 0; i < 400; i++) writeFileSync(join(big, `doc-${String(i).padStart(4, '0')}.txt`), `${GOOD(i % 28 + 1)} Unique marker ${i}.\n`);
    const db = join(dir.path, 'big.db');
    const child = spawn(process.execPath, [BIN, 'ingest', big, '--db', db], { cwd: ROOT, env: { ...process.env, BILAT_DEBUG: '' } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const interrupted = code === 130;
    if (interrupted) expect(stderr).toMatch(/interrupted/);
    const check = spawnCli(['db', 'status', '--db', db]);
    expect(check.code).toBe(0);
    const rerun = spawnCli(['ingest', big, '--db', db]);
    expect(rerun.code).toBe(0);
    const m = /ingest: (\d+) new, (\d+) duplicate, 0 failed/.exec(rerun.stderr)!;
    expect(Number(m[1]) + Number(m[2])).toBe(400);
    const docs = spawnCli(['documents', '--db', db, '--format', 'jsonl']);
    expect(docs.stdout.trim().split('\n')).toHaveLength(400);
  });
});
