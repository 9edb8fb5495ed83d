import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from './helpers.js';

/**
 * Golden tests: `bilat extract` on sample articles of each format must print exactly the
 * recorded JSON. When extraction changes on purpose, review the diff and re-record with
 * `UPDATE_GOLDEN=1 npx vitest run test/golden-extract.test.ts`.
 */
const SAMPLES = [
  '2025-03-13-korean-travel-china-visa-waiver.txt',
  '2026-01-06-lee-xi-summit-recap.md',
  '2025-09-30-first-chinese-groups-visa-free.html',
  '2026-02-02-asia-travel-ledger-feed.xml',
];

describe('bilat extract golden output', () => {
  test.each(SAMPLES)('%s', async (name) => {
    const r = await runCli(['extract', `data/sample/articles/${name}`, '--pretty'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const golden = join(ROOT, 'test', 'golden', `${name}.json`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      mkdirSync(join(ROOT, 'test', 'golden'), { recursive: true });
      writeFileSync(golden, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });
});
