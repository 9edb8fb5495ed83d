import type PgBoss from 'pg-boss';
import type { Store } from '../store/db.js';
import { INGEST_QUEUE } from './boss.js';
import { jobSource } from './job.js';
import { processJob, type JobOutcome, type ProcessDeps } from './process.js';

export interface WorkerOptions extends ProcessDeps {
  /** Jobs this process works on at once (default 1). */
  concurrency: number;
  /** Return once the queue holds no job waiting, retrying or running (for batch runs and tests). */
  exitWhenIdle: boolean;
  /** Seconds between polls of an empty queue. */
  pollSeconds?: number;
  signal?: AbortSignal;
  onJob?: (event: { id: string; outcome?: JobOutcome; error?: string; source: string }) => void;
}

export interface WorkerSummary {
  new: number;
  duplicate: number;
  failed: number;
  words: number;
  elapsedMs: number;
  interrupted: boolean;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Claim jobs from the ingest queue and process them until stopped (or, with `exitWhenIdle`,
 * until nothing is left). pg-boss claims each job for one worker (`FOR UPDATE SKIP LOCKED`); a
 * job that throws is retried with exponential backoff, and after its last attempt goes to the
 * dead-letter queue. A worker killed mid-job holds no lock: the job's expiry returns it to the
 * queue, and the content id makes its second run store nothing twice.
 */
export async function runWorker(store: Store, boss: PgBoss, options: WorkerOptions): Promise<WorkerSummary> {
  const started = options.now().getTime();
  const summary: WorkerSummary = { new: 0, duplicate: 0, failed: 0, words: 0, elapsedMs: 0, interrupted: false };
  let inFlight = 0;
  const handler = (slot: { id?: string }) => async (jobs: PgBoss.Job<unknown>[]) => {
    const job = jobs[0]!;
    inFlight++;
    // pg-boss waits a polling interval after each job unless told more may be waiting.
    if (slot.id) boss.notifyWorker(slot.id);
    try {
      const outcome = await processJob(store, job.data, options);
      summary[outcome.status]++;
      if (outcome.status === 'new') summary.words += outcome.words;
      options.onJob?.({ id: job.id, outcome, source: outcome.source });
      return outcome;
    } catch (err) {
      summary.failed++;
      const message = (err as Error)?.message ?? String(err);
      options.onJob?.({ id: job.id, error: message, source: jobSource(job.data) });
      throw err;
    } finally {
      inFlight--;
    }
  };
  const poll = options.pollSeconds ?? 1;
  for (let i = 0; i < Math.max(1, options.concurrency); i++) {
    const slot: { id?: string } = {};
    slot.id = await boss.work(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: poll }, handler(slot));
  }
  while (!options.signal?.aborted) {
    await sleep(poll * 1000, options.signal);
    if (options.exitWhenIdle && inFlight === 0 && (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) === 0) break;
  }
  summary.interrupted = options.signal?.aborted ?? false;
  // Let running jobs finish: what they store is kept, and their jobs are marked done.
  await boss.offWork(INGEST_QUEUE);
  while (inFlight > 0) await sleep(100);
  summary.elapsedMs = options.now().getTime() - started;
  return summary;
}
