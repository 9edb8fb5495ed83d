import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { openQueue } from '../src/queue/boss.js';
import { insertJobs } from '../src/queue/enqueue.js';
import { pageJob } from '../src/queue/job.js';
import { dropSchemas, pgUrl, TEST_PG, uniqueSchema } from './dialects.js';
import { ROOT, runCli, tempDir } from './helpers.js';

/** The PostgreSQL job queue: `bilat enqueue`, `bilat worker`, `bilat jobs`. Skips without BILAT_TEST_PG. */
const dir = tempDir();
const schemas: string[] = [];
afterAll(async () => {
  dir.cleanup();
  if (TEST_PG) await dropSchemas(TEST_PG, schemas.flatMap((s) => [s, `${s}_boss`]));
});

function freshUrl(): string {
  const schema = uniqueSchema('bilat_queue');
  schemas.push(schema);
  return pgUrl(TEST_PG!, schema);
}

describe('the job queue', () => {
  it('refuses SQLite with a message that names the alternative, and creates no file', async () => {
    const db = join(dir.path, 'q.db');
    const r = await runCli(['enqueue', join(ROOT, 'data', 'sample', 'articles'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs PostgreSQL.*bilat ingest/);
    expect(existsSync(db)).toBe(false);
    expect((await runCli(['worker', '--db', db])).code).toBe(1);
    expect((await runCli(['jobs', 'status', '--db', db])).code).toBe(1);
  });

  it('rejects bad flags before touching the database', async () => {
    expect((await runCli(['worker', '--concurrency', '0', '--db', 'postgres://nowhere.invalid/x'])).code).toBe(2);
    expect((await runCli(['enqueue', 'x', '--timeout', 'soon', '--db', 'postgres://nowhere.invalid/x'])).code).toBe(2);
    expect((await runCli(['jobs', 'retry', 'not-a-uuid', '--db', 'postgres://nowhere.invalid/x'])).code).toBe(2);
    expect((await runCli(['jobs', 'frobnicate', '--db', 'postgres://nowhere.invalid/x'])).code).toBe(2);
  });

  it.skipIf(!TEST_PG)('stores each queued document once, however often it is queued', async () => {
    const db = freshUrl();
    const articles = join(ROOT, 'data', 'sample', 'articles');
    const first = await runCli(['enqueue', articles, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    const queued = Number(/(\d+) jobs queued/.exec(first.stderr)![1]);
    expect(queued).toBeGreaterThan(10);
    expect((await runCli(['enqueue', articles, '--db', db])).code).toBe(0);
    const work = await runCli(['worker', '--exit-when-idle', '--concurrency', '3', '--poll', '500ms', '--db', db]);
    expect(work.code, work.stderr).toBe(0);
    expect(work.stderr).toMatch(new RegExp(`worker: ${queued} new, ${queued} duplicate, 0 failed`));
    const status = await runCli(['jobs', 'status', '--format', 'json', '--db', db]);
    const counts = JSON.parse(status.stdout) as Array<{ queue: string; completed: number; failed: number; created: number }>;
    expect(counts.find((c) => c.queue === 'bilat-ingest')).toMatchObject({ completed: 2 * queued, failed: 0, created: 0 });
    const docs = await runCli(['documents', '--format', 'json', '--db', db]);
    expect((JSON.parse(docs.stdout) as unknown[]).length).toBe(queued);
  });

  it.skipIf(!TEST_PG)('dead-letters a job that keeps failing, lists it with its reason, and can retry it', async () => {
    const db = freshUrl();
    const store = await openStore(db);
    const boss = await openQueue(store, db);
    try {
      // A page on a loopback address without --allow-private: refused on every attempt.
      await insertJobs(boss, [pageJob('http://127.0.0.1:9/story.html', null, { published: null, outlet: null }, false)], { retryLimit: 1, retryDelay: 0 });
    } finally {
      await boss.stop({ graceful: false });
      await store.close();
    }
    const work = await runCli(['worker', '--exit-when-idle', '--poll', '500ms', '--db', db]);
    expect(work.code, work.stderr).toBe(0);
    expect(work.stderr).toMatch(/failed .*127\.0\.0\.1.*refused/);
    const failed = await runCli(['jobs', 'failed', '--format', 'json', '--db', db]);
    const rows = JSON.parse(failed.stdout) as Array<{ id: string; source: string; attempts: number; reason: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'http://127.0.0.1:9/story.html', attempts: 2 });
    expect(rows[0]!.reason).toMatch(/refused: .*private, loopback or link-local/);
    const status = JSON.parse((await runCli(['jobs', '--format', 'json', '--db', db])).stdout) as Array<{ queue: string; failed: number; created: number }>;
    expect(status.find((c) => c.queue === 'bilat-ingest')!.failed).toBe(1);
    expect(status.find((c) => c.queue === 'bilat-ingest-dead')!.created).toBe(1);
    const retry = await runCli(['jobs', 'retry', rows[0]!.id, '--db', db]);
    expect(retry.code, retry.stderr).toBe(0);
    const after = JSON.parse((await runCli(['jobs', '--format', 'json', '--db', db])).stdout) as Array<{ queue: string; failed: number; retry: number; created: number }>;
    expect(after.find((c) => c.queue === 'bilat-ingest')).toMatchObject({ failed: 0, retry: 1 });
    expect(after.find((c) => c.queue === 'bilat-ingest-dead')!.created).toBe(0);
  });
});
