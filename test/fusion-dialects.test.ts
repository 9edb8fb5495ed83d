import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { rebuildFusion } from '../src/store/fusion.js';
import { seedBriefStore } from './brief-fixture.js';
import { runCli, tempDir } from './helpers.js';
import { dropSchemas, pgUrl, TEST_PG, uniqueSchema } from './dialects.js';

/**
 * Fusion, indicators, the index and the brief give the same output on every database. SQLite
 * always runs; PostgreSQL runs when BILAT_TEST_PG (as .ci/run sets it) names a server, in a fresh
 * schema per run that is dropped afterwards.
 */
const pg = TEST_PG;
const dir = tempDir();
afterAll(() => dir.cleanup());

const COMMANDS: string[][] = [
  ['fused', '--status', 'asserted,future,negated,hypothetical', '--format', 'json'],
  ['event', 's3', '--format', 'json'],
  ['indicators', 'CHN', 'KOR', '--by', 'month', '--format', 'json'],
  ['indicators', 'KOR', 'CHN', '--directed', '--by', 'week', '--weight', 'sources', '--context', 'culture', '--format', 'csv'],
  ['index', 'CHN', 'KOR', '--format', 'json'],
  ['brief', 'CHN', 'KOR', '--from', '2025-10-01', '--to', '2026-01-31', '--format', 'html'],
];

async function outputs(db: string): Promise<string[]> {
  const store = await openStore(db);
  try {
    await seedBriefStore(store);
    await rebuildFusion(store);
  } finally {
    await store.close();
  }
  const out: string[] = [];
  for (const argv of COMMANDS) {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    out.push(r.stdout);
  }
  return out;
}

describe('fusion, indicators, index and brief across databases', () => {
  it.skipIf(!pg)('PostgreSQL gives the same output as SQLite', async () => {
    const schema = uniqueSchema();
    try {
      expect(await outputs(pgUrl(pg!, schema))).toEqual(await outputs(join(dir.path, 'a.db')));
    } finally {
      await dropSchemas(pg!, [schema]);
    }
  });
});
