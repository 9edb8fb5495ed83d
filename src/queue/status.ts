import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Store } from '../store/db.js';
import { bossSchema, DEAD_QUEUE, INGEST_QUEUE } from './boss.js';
import { jobSource } from './job.js';

/** Job counts by state, for `bilat jobs status`. */
export interface QueueCounts {
  queue: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
}

const STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;

function tables(store: Store): { job: ReturnType<typeof sql.table>; archive: ReturnType<typeof sql.table> } {
  const schema = bossSchema(store);
  return { job: sql.table(`${schema}.job`), archive: sql.table(`${schema}.archive`) };
}

/** Counts per state of the ingest queue and the dead-letter queue (archived jobs included). */
export async function queueCounts(store: Store): Promise<QueueCounts[]> {
  const t = tables(store);
  const { rows } = await sql<{ name: string; state: string; n: string }>`
    select name, state::text as state, count(*)::text as n from (
      select name, state from ${t.job} union all select name, state from ${t.archive}
    ) j where name in (${INGEST_QUEUE}, ${DEAD_QUEUE}) group by name, state`.execute(store.db);
  return [INGEST_QUEUE, DEAD_QUEUE].map((queue) => {
    const out: QueueCounts = { queue, created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
    for (const r of rows) if (r.name === queue && (STATES as readonly string[]).includes(r.state)) out[r.state as (typeof STATES)[number]] = Number(r.n);
    return out;
  });
}

export interface FailedJob {
  id: string;
  source: string;
  attempts: number;
  failed_at: string | null;
  reason: string;
}

function reasonOf(output: unknown): string {
  if (output === null || output === undefined) return 'unknown';
  if (typeof output === 'string') return output;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === 'string') return o.message;
  if (typeof o.value === 'string') return o.value;
  return JSON.stringify(output);
}

/** Jobs that used up their attempts, newest first, with the last error. */
export async function failedJobs(store: Store, limit = 1000): Promise<FailedJob[]> {
  const t = tables(store);
  const { rows } = await sql<{ id: string; data: unknown; retry_count: number; completed_on: Date | null; output: unknown }>`
    select id::text as id, data, retry_count, completed_on, output from (
      select id, name, state, data, retry_count, completed_on, output from ${t.job}
      union all select id, name, state, data, retry_count, completed_on, output from ${t.archive}
    ) j where name = ${INGEST_QUEUE} and state = 'failed' order by completed_on desc nulls last, id limit ${limit}`.execute(store.db);
  return rows.map((r) => ({
    id: r.id,
    source: jobSource(r.data),
    attempts: Number(r.retry_count) + 1,
    failed_at: r.completed_on ? new Date(r.completed_on).toISOString() : null,
    reason: reasonOf(r.output),
  }));
}

/**
 * Put failed jobs back on the queue (one more attempt each) and drop their dead-letter copies.
 * Returns how many were requeued.
 */
export async function retryJobs(store: Store, boss: PgBoss, ids: string[] | 'all'): Promise<number> {
  const failed = await failedJobs(store, 1_000_000);
  const wanted = ids === 'all' ? failed : failed.filter((f) => ids.includes(f.id));
  if (!wanted.length) return 0;
  const t = tables(store);
  const uuids = wanted.map((w) => w.id);
  // Archived failures move back into the live table first, where pg-boss can retry them.
  await sql`insert into ${t.job} (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output)
    select id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output
    from ${t.archive} where name = ${INGEST_QUEUE} and id = any(${uuids}::uuid[]) on conflict do nothing`.execute(store.db);
  await sql`delete from ${t.archive} where name = ${INGEST_QUEUE} and id = any(${uuids}::uuid[])`.execute(store.db);
  await sql`delete from ${t.job} d using ${t.job} f where d.name = ${DEAD_QUEUE} and f.name = ${INGEST_QUEUE} and f.id = any(${uuids}::uuid[]) and d.data = f.data`.execute(store.db);
  await boss.retry(INGEST_QUEUE, uuids);
  return wanted.length;
}
