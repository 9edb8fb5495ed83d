import { parentPort, workerData } from 'node:worker_threads';
import { getGazetteer } from '../knowledge/gazetteer.js';
import { openStore } from '../store/db.js';
import { apiEndpoints, renderResult } from './app.js';
import type { Deps, Format } from './endpoint.js';
import { ApiError } from './errors.js';
import { knownActor } from './params.js';
import { packageVersion } from '../knowledge/paths.js';

/**
 * A worker thread for the heavy endpoints (index, indicators, brief, impact): their queries and
 * JSON work are synchronous, and on the main thread they would hold up every other request.
 * The main thread validates parameters and sends `{ id, endpoint, format, query, params }`; the
 * worker answers `{ id, response }` or `{ id, error }`.
 */
export interface WorkRequest {
  id: number;
  endpoint: string;
  format: Format;
  query: Record<string, unknown>;
  params: Record<string, string>;
}

export type WorkReply = { id: number; response: { status: number; body: Uint8Array; headers: Record<string, string> } } | { id: number; error: { status?: number; message: string; param?: string } };

const { location } = workerData as { location: string };
const store = await openStore(location, { migrate: false });
const gazetteer = getGazetteer(process.env);
const deps: Deps = { store, gazetteer, known: knownActor(gazetteer), version: packageVersion() };
const endpoints = new Map(apiEndpoints(deps).map((e) => [e.id, e]));

parentPort!.on('message', async (m: WorkRequest | 'close') => {
  if (m === 'close') {
    await store.close();
    parentPort!.close();
    return;
  }
  try {
    const e = endpoints.get(m.endpoint);
    if (!e) throw new Error(`no endpoint ${m.endpoint} in the worker`);
    const response = renderResult(e, m.format, await e.handle(deps, { query: m.query, params: m.params }));
    parentPort!.postMessage({ id: m.id, response } satisfies WorkReply, [response.body.buffer as ArrayBuffer]);
  } catch (err) {
    const error = err instanceof ApiError ? { status: err.status, message: err.message, ...(err.param ? { param: err.param } : {}) } : { message: (err as Error).stack ?? String(err) };
    parentPort!.postMessage({ id: m.id, error } satisfies WorkReply);
  }
});
parentPort!.postMessage('ready');
