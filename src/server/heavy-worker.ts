import { Worker } from 'node:worker_threads';
import type { CachedResponse } from './cache.js';
import type { Format } from './endpoint.js';
import { ApiError, type ErrorStatus } from './errors.js';
import type { WorkReply } from './worker.js';

/** The main thread's side of `worker.ts`: one worker, requests answered in turn. */
export class HeavyWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (r: CachedResponse) => void; reject: (e: Error) => void }>();

  constructor(location: string) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { location } });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.worker.on('message', (m: WorkReply | 'ready') => {
      if (m === 'ready') return;
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if ('response' in m) w.resolve(m.response);
      else w.reject(m.error.status ? new ApiError(m.error.status as ErrorStatus, m.error.message, m.error.param) : new Error(m.error.message));
    });
    this.worker.on('error', (err) => {
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  async run(endpoint: string, format: Format, query: Record<string, unknown>, params: Record<string, string>): Promise<CachedResponse> {
    await this.ready;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, endpoint, format, query, params });
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage('close');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => void this.worker.terminate().then(() => resolve()), 2000);
      this.worker.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
