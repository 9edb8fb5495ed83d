import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnCli, tempDir, type CliResult } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

const STORY = (n: number, city: string) =>
  `Talks Number ${n}\n\n${city.toUpperCase()}, March ${n}, 2025 (Test Wire) -- South Korean and Chinese officials met in ${city} on Monday to discuss tourism, the ministry said. ` +
  `Japan criticised the plan on Tuesday, and the two sides agreed to meet again in April. Arrivals rose 12 per cent to 3,400 in February from 3,036 a year earlier.\n`;

function wire(stories: Array<{ title: string; body: string }>): string {
  return stories
    .map((s, i) => `<REUTERS NEWID="${i + 1}">\n<DATE>${i + 2}-MAR-2025 10:00:00.00</DATE>\n<TEXT>\n<TITLE>${s.title}</TITLE>\n<DATELINE>    SEOUL, March ${i + 2} - </DATELINE><BODY>${s.body}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>`)
    .join('\n');
}

function rows(db: string, sql: string): unknown[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
}

function summaryLine(r: CliResult): string {
  return r.stderr.split('\n').find((l) => l.startsWith('ingest:'))!.replace(/ in [\d.]+s \([\d,]+ words\/s\)/, '');
}

describe('ingest --workers 2 gives the same store as one process', () => {
  let folder: string;
  const runs: Record<string, CliResult> = {};
  beforeAll(() => {
    folder = join(dir.path, 'corpus');
    mkdirSync(join(folder, 'more'), { recursive: true });
    const cities = ['Seoul', 'Beijing', 'Busan', 'Shanghai', 'Incheon', 'Tianjin', 'Daegu', 'Qingdao'];
    cities.forEach((c, i) => writeFileSync(join(folder, `s${i}.txt`), STORY(i + 1, c)));
    copyFileSync(join(folder, 's0.txt'), join(folder, 'more', 'copy-of-s0.txt'));
    writeFileSync(join(folder, 'more', 'same-text.md'), `# Other Title\n\n${STORY(2, 'Beijing').split('\n\n')[1]}`);
    writeFileSync(
      join(folder, 'wire.sgm'),
      wire([
        { title: 'KOREA, CHINA HOLD TALKS', body: 'South Korea and China held trade talks in Seoul on Friday,\nofficials said.\n    Both sides agreed to cut tariffs.' },
        { title: 'JAPAN PROTESTS', body: 'Japan protested to China over the visit on Thursday,\nthe foreign ministry said.' },
      ]) + '\n<REUTERS NEWID="3"><TEXT><BODY>unfinished',
    );
    writeFileSync(join(folder, 'lines.jsonl'), `{"text": "China and South Korea signed a visa agreement in Beijing on Monday.", "published": "2025-03-04"}\n{broken\n`);
    writeFileSync(join(folder, 'empty.txt'), '');
    for (const workers of ['1', '2']) {
      runs[workers] = spawnCli(['ingest', folder, '--db', join(dir.path, `w${workers}.db`), '--workers', workers]);
    }
  }, 240_000);

  test('same summary, failures and exit code', () => {
    expect(runs['2']!.code).toBe(1);
    expect(runs['2']!.code).toBe(runs['1']!.code);
    expect(summaryLine(runs['2']!)).toBe(summaryLine(runs['1']!));
    expect(summaryLine(runs['1']!)).toMatch(/^ingest: 11 new, 2 duplicate, 3 failed · 13 files.*· 1 unchanged files skipped/);
    const failed = (r: CliResult) => r.stderr.split('\n').filter((l) => l.startsWith('failed')).sort();
    expect(failed(runs['2']!)).toEqual(failed(runs['1']!));
  });

  test('same documents (ids and source paths), events, statistics and fused events', () => {
    const queries = [
      'SELECT id, source_path, published, sentence_count FROM document ORDER BY id',
      'SELECT id, document_id, event_type, score FROM event ORDER BY id',
      'SELECT id FROM statistic ORDER BY id',
      'SELECT COUNT(*) AS n FROM fused_event',
      'SELECT document_id, source_path FROM document_source ORDER BY 1, 2',
    ];
    for (const sql of queries) {
      const one = rows(join(dir.path, 'w1.db'), sql);
      expect(rows(join(dir.path, 'w2.db'), sql), sql).toEqual(one);
    }
    expect(rows(join(dir.path, 'w1.db'), 'SELECT id FROM event').length).toBeGreaterThan(5);
  });

  test('a second run with workers skips every unchanged file', () => {
    const again = spawnCli(['ingest', folder, '--db', join(dir.path, 'w2.db'), '--workers', '2']);
    expect(summaryLine(again)).toMatch(/^ingest: 0 new, 13 duplicate, 1 failed · 13 files.*· 12 unchanged files skipped/);
  }, 120_000);

  test('--workers must be a whole number from 1', () => {
    const r = spawnCli(['ingest', folder, '--db', join(dir.path, 'bad.db'), '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  });
});
