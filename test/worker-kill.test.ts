import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PG } from './dialects.js';
import { ROOT } from './helpers.js';

/**
 * Three `bilat worker` processes on the sample corpus, one killed with SIGKILL once a third of
 * the jobs are done (scripts/worker-kill-demo.js): nothing lost, nothing stored twice, the killed
 * worker's job retried after its timeout, fused events equal to a rebuild. Skips without BILAT_TEST_PG.
 */
describe('workers killed mid-run', () => {
  it.skipIf(!TEST_PG)('lose nothing and store every document exactly once', { timeout: 180_000 }, async () => {
    const { runKillDemo } = (await import(join(ROOT, 'scripts', 'worker-kill-demo.js'))) as {
      runKillDemo: (o: Record<string, unknown>) => Promise<{ queued: number; killed: { pid: number }; workers: Array<{ killed: boolean; exit: unknown }>; audit: { jobs: number; completed: number; failed: number; unfinished: number; expected_documents: number; stored_documents: number; missing: number; unexpected: number; orphan_events: number; fusion_matches_rebuild: boolean } }>;
    };
    const report = await runKillDemo({ base: TEST_PG, corpus: [join(ROOT, 'data', 'sample', 'articles')], workers: 3, killAt: 0.3, timeout: '4s', log: () => undefined, deadlineMs: 150_000 });
    expect(report.workers.filter((w) => w.killed)).toHaveLength(1);
    expect(report.workers.find((w) => w.killed)!.exit).toBe('SIGKILL');
    expect(report.workers.filter((w) => !w.killed).every((w) => w.exit === 0)).toBe(true);
    const a = report.audit;
    expect(a.jobs).toBe(report.queued);
    expect(a.expected_documents).toBeGreaterThan(10);
    expect(a.stored_documents).toBe(a.expected_documents);
    expect(a.missing).toBe(0);
    expect(a.unexpected).toBe(0);
    expect(a.unfinished).toBe(0);
    expect(a.completed + a.failed).toBe(a.jobs);
    expect(a.orphan_events).toBe(0);
    expect(a.fusion_matches_rebuild).toBe(true);
  });
});
