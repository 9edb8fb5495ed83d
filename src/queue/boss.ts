import type PgBoss from 'pg-boss';
import type { Store } from '../store/db.js';

/**
 * The durable job queue: pg-boss on the same PostgreSQL database as the store, in a schema of
 * its own (`bilat_boss`, or `<schema>_boss` beside a `?schema=` store). SQLite has no queue.
 */
export const INGEST_QUEUE = 'bilat-ingest';
/** Where a job goes after its last failed attempt (`bilat jobs failed` lists them). */
export const DEAD_QUEUE = 'bilat-ingest-dead';

export interface QueuePolicy {
  /** Attempts after the first (default 3). */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) for each further one (default 5). */
  retryDelay: number;
  /** Seconds a claimed job may run before it counts as failed and returns to the queue (default 300). */
  expireInSeconds: number;
}

export const DEFAULT_POLICY: QueuePolicy = { retryLimit: 3, retryDelay: 10, expireInSeconds: 300 };

export class QueueUnavailableError extends Error {}

export function bossSchema(store: Store): string {
  return store.schema ? `${store.schema}_boss` : 'bilat_boss';
}

export interface OpenQueueOptions {
  /** Pool size for pg-boss's own connections. */
  connections?: number;
  /** Run pg-boss maintenance (expiring timed-out jobs) every this many seconds (default 5). */
  maintenanceSeconds?: number;
  /** Workers supervise (expire, archive); enqueue and status do not need to. */
  supervise?: boolean;
  onError?: (err: Error) => void;
}

/** Connection string of a store without our `?schema=` parameter. */
function connectionString(location: string): string {
  const url = new URL(location);
  url.searchParams.delete('schema');
  return url.toString();
}

/**
 * Start pg-boss for a PostgreSQL store and make sure both queues exist.
 *
 * @example const boss = await openQueue(store, url); … await boss.stop();
 */
export async function openQueue(store: Store, location: string, options: OpenQueueOptions = {}): Promise<PgBoss> {
  if (store.capabilities.dialect !== 'postgres') {
    throw new QueueUnavailableError(`the job queue needs PostgreSQL (--db postgres://… or BILAT_DB); ${store.location} is SQLite — use \`bilat ingest\` instead`);
  }
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({
    connectionString: connectionString(location),
    schema: bossSchema(store),
    max: options.connections ?? 4,
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 5,
    application_name: 'bilat',
  } as PgBoss.ConstructorOptions);
  boss.on('error', (err) => options.onError?.(err));
  await boss.start();
  if (!(await boss.getQueue(DEAD_QUEUE))) await boss.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE, retentionDays: 30 } as PgBoss.Queue);
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, {
      name: INGEST_QUEUE,
      deadLetter: DEAD_QUEUE,
      retryLimit: DEFAULT_POLICY.retryLimit,
      retryDelay: DEFAULT_POLICY.retryDelay,
      retryBackoff: true,
      expireInSeconds: DEFAULT_POLICY.expireInSeconds,
      retentionDays: 30,
    } as PgBoss.Queue);
  }
  return boss;
}
