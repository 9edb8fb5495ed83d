import { Worker } from 'node:worker_threads';
import type { JobReply, WorkerJob, WorkerSetup } from './worker-protocol.js';

type JobBody = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

interface Pending {
  job: WorkerJob;
  resolve: (reply: JobReply) => void;
}

/**
 * A fixed set of ingest worker threads with two job queues: file parses go before document
 * extractions, so the extraction queue never runs dry while a file waits to be parsed. A worker
 * that crashes fails only the job it was running and is replaced.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly parses: Pending[] = [];
  private readonly extractions: Pending[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly url: URL,
    private readonly setup: WorkerSetup,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Start `size` workers and wait until each has loaded its gazetteer and models. */
  static async start(url: URL, size: number, setup: WorkerSetup, env: NodeJS.ProcessEnv): Promise<WorkerPool> {
    const pool = new WorkerPool(url, setup, env);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.url, { workerData: this.setup, env: { ...this.env } });
      let ready = false;
      worker.on('message', (msg: JobReply | { kind: 'ready' }) => {
        if (msg.kind === 'ready') {
          ready = true;
          this.release(worker);
          resolve();
          return;
        }
        const pending = this.busy.get(worker);
        this.busy.delete(worker);
        pending?.resolve(msg);
        this.release(worker);
      });
      const lost = (reason: string) => {
        if (!ready) {
          reject(new Error(`ingest worker did not start: ${reason}`));
          return;
        }
        const pending = this.busy.get(worker);
        this.busy.delete(worker);
        const idle = this.idle.indexOf(worker);
        if (idle >= 0) this.idle.splice(idle, 1);
        if (pending) pending.resolve({ id: pending.job.id, kind: 'error', path: null, reason: `internal error: worker thread stopped (${reason})` });
        if (!this.closed) this.spawn().catch(() => undefined);
      };
      worker.on('error', (err) => lost(err.message));
      worker.on('exit', (code) => {
        if (!this.closed) lost(`exit code ${code}`);
      });
    });
  }

  private release(worker: Worker): void {
    if (this.closed) return;
    const next = this.parses.shift() ?? this.extractions.shift();
    if (!next) {
      this.idle.push(worker);
      return;
    }
    this.busy.set(worker, next);
    worker.postMessage(next.job);
  }

  /** Run a job on the next free worker. */
  run(body: JobBody): Promise<JobReply> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve) => {
      const pending: Pending = { job: { ...body, id: this.nextId++ } as WorkerJob, resolve };
      (body.kind === 'parse' ? this.parses : this.extractions).push(pending);
      const worker = this.idle.shift();
      if (worker) this.release(worker);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
