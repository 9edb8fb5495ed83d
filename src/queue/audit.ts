import { sql } from 'kysely';
import type { Store } from '../store/db.js';
import { rebuildFusion } from '../store/fusion.js';
import { selectFusedEvents } from '../store/queries/fused-events.js';
import { finalizeDocument } from '../ingest/document.js';
import { bossSchema, INGEST_QUEUE } from './boss.js';
import { JobDataSchema } from './job.js';

/**
 * Check a finished queue run against what was queued: every queued document stored exactly
 * once, nothing stored that was not queued, every job done or listed as failed, and the fused
 * events equal to a rebuild from scratch (so concurrent, out-of-order fusion lost nothing).
 */
export interface QueueAudit {
  jobs: number;
  completed: number;
  failed: number;
  /** Jobs that needed more than one attempt (a killed worker's job, a transient error). */
  retried: number;
  /** Jobs still waiting or running (should be 0 after a run). */
  unfinished: number;
  /** Distinct content ids among the queued documents. */
  expected_documents: number;
  stored_documents: number;
  missing: string[];
  unexpected: string[];
  /** Jobs whose result says they stored their document (the rest found it stored). */
  stored_by_job: number;
  events: number;
  /** Event rows whose document is not stored (must be 0). */
  orphan_events: number;
  fused_events: number;
  fusion_matches_rebuild: boolean;
}

export async function auditQueueRun(store: Store, options: { rebuild?: boolean } = {}): Promise<QueueAudit> {
  const schema = bossSchema(store);
  const job = sql.table(`${schema}.job`);
  const archive = sql.table(`${schema}.archive`);
  const { rows } = await sql<{ state: string; data: unknown; retry_count: number; output: unknown }>`
    select state::text as state, data, retry_count, output from (
      select name, state, data, retry_count, output from ${job} union all select name, state, data, retry_count, output from ${archive}
    ) j where name = ${INGEST_QUEUE}`.execute(store.db);
  const expected = new Set<string>();
  for (const r of rows) {
    const parsed = JobDataSchema.safeParse(r.data);
    if (!parsed.success || parsed.data.kind !== 'document') continue;
    try {
      expected.add(finalizeDocument(parsed.data.document, { published: parsed.data.settings.published, outlet: parsed.data.settings.outlet }).id);
    } catch {
      // A document with no text fails its job; it is counted among the failed jobs.
    }
  }
  const stored = new Set((await store.db.selectFrom('document').select('id').execute()).map((r) => r.id));
  const count = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
  const events = await count(store.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
  const orphans = await count(
    store.db.selectFrom('event').leftJoin('document', 'document.id', 'event.document_id').where('document.id', 'is', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  );
  const snapshot = async () => JSON.stringify((await selectFusedEvents(store, { status: ['asserted', 'future', 'negated', 'hypothetical'], limit: 100_000 })).events.map((e) => e.id + JSON.stringify(e)).sort());
  const fused = await snapshot();
  let matches = true;
  if (options.rebuild !== false) {
    await rebuildFusion(store);
    matches = (await snapshot()) === fused;
  }
  return {
    jobs: rows.length,
    completed: rows.filter((r) => r.state === 'completed').length,
    failed: rows.filter((r) => r.state === 'failed').length,
    retried: rows.filter((r) => Number(r.retry_count) > 0).length,
    unfinished: rows.filter((r) => ['created', 'retry', 'active'].includes(r.state)).length,
    expected_documents: expected.size,
    stored_documents: stored.size,
    missing: [...expected].filter((id) => !stored.has(id)),
    unexpected: [...stored].filter((id) => !expected.has(id)),
    stored_by_job: rows.filter((r) => (r.output as { status?: string } | null)?.status === 'new').length,
    events,
    orphan_events: orphans,
    fused_events: (JSON.parse(fused) as unknown[]).length,
    fusion_matches_rebuild: matches,
  };
}
