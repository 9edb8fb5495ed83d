import type { Command } from '../command.js';
import { DB_OPTION, flag, stringOption } from '../command.js';
import { debugFor } from '../context.js';
import { EXIT } from '../io.js';
import { durationMs, withQueue } from '../queue-context.js';
import { intFlag } from '../validate.js';
import { GAZETTEER_OPTION, stagesFor } from '../gazetteer-option.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Claim jobs from the PostgreSQL queue, extract and store them (run any number, on any machines).',
  usage: 'bilat worker [--concurrency N] [--exit-when-idle] --db postgres://…',
  description:
    'Each job is claimed by one worker, run through the same pipeline as `bilat ingest` and stored in one ' +
    'transaction; its events are fused right after. A failed job is retried with exponential backoff and after ' +
    'its last attempt is dead-lettered (`bilat jobs failed`). A worker that dies mid-job loses nothing: the job ' +
    'returns to the queue when its timeout passes, and the content id keeps the retry from storing anything twice. ' +
    'Ctrl-C finishes the running jobs and stops.',
  options: {
    concurrency: { type: 'string', value: 'N', description: 'jobs worked on at once in this process (default 1)' },
    'exit-when-idle': { type: 'boolean', description: 'stop once no job is waiting, retrying or running' },
    poll: { type: 'string', value: 'DURATION', description: 'how often an idle worker looks for jobs (default 1s)' },
    gazetteer: GAZETTEER_OPTION,
    verbose: { type: 'boolean', short: 'v', description: 'print one line per job on stderr' },
    db: DB_OPTION,
  },
  examples: ['bilat worker --concurrency 2 --db postgres://localhost/bilat', 'bilat worker --exit-when-idle --db "$BILAT_DB"'],
  async run(args, io) {
    const concurrency = intFlag('concurrency', stringOption(args, 'concurrency'), 1, 1, 64);
    const pollSeconds = durationMs('poll', stringOption(args, 'poll'), 1000, 500) / 1000;
    const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
    const { runWorker } = await import('../../queue/worker.js');
    const extractor = createExtractor({ debug: debugFor(io), stages: await stagesFor(args, io) });
    const verbose = flag(args, 'verbose');
    const summary = await withQueue(
      args,
      io,
      (store, boss) =>
        runWorker(store, boss, {
          concurrency,
          exitWhenIdle: flag(args, 'exit-when-idle'),
          pollSeconds,
          signal: io.signal,
          process: extractor,
          now: io.now,
          pipelineVersion: PIPELINE_VERSION,
          onJob: (e) => {
            if (e.error) io.stderr.write(`failed   ${e.id}  ${e.source}: ${e.error}\n`);
            else if (verbose) io.stderr.write(`${e.outcome!.status.padEnd(9)} ${e.outcome!.document_id}  ${e.source}\n`);
          },
        }),
      { supervise: true, connections: concurrency + 2 },
    );
    const secs = summary.elapsedMs / 1000;
    io.stderr.write(
      `worker: ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed attempts · ${summary.words} words in ${secs.toFixed(2)}s` +
        ` (${Math.round(summary.words / Math.max(secs, 0.001)).toLocaleString('en-US')} words/s)\n`,
    );
    return summary.interrupted ? EXIT.interrupted : EXIT.ok;
  },
};
