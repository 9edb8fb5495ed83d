/**
 * The body of an ingest worker thread (`bilat ingest --workers N`): it parses files and runs the
 * extraction pipeline on documents, and sends the results back; it never touches the database.
 * See `parallel.ts` for the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getGazetteer } from '../knowledge/gazetteer.js';
import { defaultStages, runPipeline } from '../pipeline.js';
import { createDebug } from '../util/debug.js';
import { finalizeDocument } from './document.js';
import { InputError, reasonOf } from './errors.js';
import { parseSource } from './load.js';
import type { JobReply, WorkerJob, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const gazetteer = getGazetteer(process.env, setup.gazetteerExtra);
const stages = defaultStages({ gazetteer: () => gazetteer });
const debug = createDebug(setup.debug, (line) => process.stderr.write(`${line}\n`));

async function handle(job: WorkerJob): Promise<JobReply> {
  if (job.kind === 'parse') {
    try {
      const loaded = await parseSource({ path: job.path, bytes: job.bytes, sha256: job.sha256 }, { encoding: setup.encoding });
      return { id: job.id, kind: 'parsed', documents: loaded.documents, failures: loaded.failures };
    } catch (err) {
      return { id: job.id, kind: 'error', path: err instanceof InputError ? err.path : null, reason: reasonOf(err) };
    }
  }
  try {
    const doc = finalizeDocument(job.raw, setup.finalize);
    const ctx = runPipeline(doc, { stages, debug });
    return { id: job.id, kind: 'processed', processed: { doc, sentences: ctx.sentences, events: ctx.events, statistics: ctx.statistics, quotes: ctx.quotes } };
  } catch (err) {
    return { id: job.id, kind: 'error', path: job.raw.sourcePath, reason: reasonOf(err) };
  }
}

parentPort!.on('message', (job: WorkerJob) => {
  void handle(job).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage({ kind: 'ready' });
