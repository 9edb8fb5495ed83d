import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './helpers.js';

/**
 * A small corpus for the API tests, written for them: four short reports on China–South Korea
 * and Japan–South Korea relations with events, statistics (one whose arithmetic is off) and
 * quotes. Ingested through `bilat ingest`, the same path as real data.
 */
export const API_DOCS: Record<string, string> = {
  '2024-11-08-ministers-meet.txt': [
    'Seoul and Beijing pledge wider cultural exchanges',
    '',
    'BEIJING, Nov. 8 -- South Korean Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi in Beijing on Friday.',
    '',
    'The two ministers agreed to expand cultural exchanges and to resume youth programmes.',
    '',
    'Chinese visitor arrivals in South Korea rose 20 per cent to 1.2 million in October from 1 million a year earlier.',
    '',
    '"We want more young people to travel between our countries," Wang said.',
  ].join('\n'),
  '2024-11-22-visa-waiver-extended.md': [
    '---',
    'title: China extends visa-free stays for South Korean travellers',
    'published: 2024-11-22',
    'outlet: Harbour Daily',
    '---',
    '',
    'China said on Friday it would extend visa-free entry for South Korean travellers to 30 days.',
    '',
    'Bookings by Korean tourists jumped 50 per cent to 300,000 from 100,000 in the week after the announcement, travel agents said.',
    '',
    'Foreign ministry spokesman Lin Jian said China welcomed more Korean tourists.',
  ].join('\n'),
  '2025-03-23-tokyo-talks.txt': [
    'Tokyo talks',
    '',
    'TOKYO, March 23 -- Japanese Foreign Minister Takeshi Iwaya met South Korean Foreign Minister Cho Tae-yul in Tokyo on Sunday.',
    '',
    'Japan and South Korea agreed to cooperate on tourism and student exchanges.',
  ].join('\n'),
  '2017-03-15-tour-ban.txt': [
    'Group tours halted',
    '',
    'SEOUL, March 15 -- China banned group tours to South Korea on Wednesday, travel agents said, in protest at the deployment of a US missile defence system.',
    '',
    'South Korea protested against the ban and urged Beijing to lift it.',
  ].join('\n'),
};

/** Write the corpus into `dir` and ingest it into `db` (a SQLite path or postgres:// URL). */
export async function buildApiStore(dir: string, db: string): Promise<void> {
  const files = Object.entries(API_DOCS).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const r = await runCli(['ingest', ...files, '--db', db, '--quiet', '--outlet', 'Test Wire']);
  expect(r.code, r.stderr).toBe(0);
}
