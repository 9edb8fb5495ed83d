import type { Command } from '../command.js';
import { DB_OPTION, choice } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { LIST_FORMATS, writeRows, type ListFormat } from '../output.js';
import { withQueue } from '../queue-context.js';

export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'The PostgreSQL job queue: counts by state, the failed (dead-lettered) jobs with reasons, retry.',
  usage: 'bilat jobs [status|failed|retry ID…|retry --all] [--format table|json|csv|jsonl] --db postgres://…',
  description:
    '`status` (the default) counts jobs by state in the ingest queue and the dead-letter queue. `failed` lists ' +
    'the jobs that used up their attempts, with where their document came from and the last error. `retry` puts ' +
    'failed jobs back on the queue with one more attempt each.',
  options: {
    all: { type: 'boolean', description: 'with retry: every failed job' },
    format: { type: 'string', value: LIST_FORMATS.join('|'), description: 'output format (default table)' },
    db: DB_OPTION,
  },
  examples: ['bilat jobs --db postgres://localhost/bilat', 'bilat jobs failed --format csv', 'bilat jobs retry --all'],
  async run(args, io) {
    const [action = 'status', ...ids] = args.positionals;
    if (!['status', 'failed', 'retry'].includes(action)) throw new UsageError(`unknown action "${action}" (expected status, failed or retry)`);
    const format = choice<ListFormat>(args, 'format', LIST_FORMATS, 'table');
    if (action !== 'retry' && (ids.length || args.values.all)) throw new UsageError(`\`bilat jobs ${action}\` takes no job ids or --all`);
    if (action === 'retry') {
      if (!ids.length && !args.values.all) throw new UsageError('give the ids of failed jobs (see `bilat jobs failed`) or --all');
      const bad = ids.find((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
      if (bad) throw new UsageError(`"${bad}" is not a job id (a UUID from \`bilat jobs failed\`)`);
    }
    const { queueCounts, failedJobs, retryJobs } = await import('../../queue/status.js');
    return withQueue(args, io, async (store, boss) => {
      if (action === 'status') {
        const counts = await queueCounts(store);
        writeRows(io, counts as unknown as Array<Record<string, unknown>>, ['queue', 'created', 'retry', 'active', 'completed', 'failed', 'cancelled'], format);
        return EXIT.ok;
      }
      if (action === 'failed') {
        const failed = await failedJobs(store);
        writeRows(io, failed as unknown as Array<Record<string, unknown>>, ['id', 'source', 'attempts', 'failed_at', 'reason'], format);
        io.stderr.write(`jobs: ${failed.length} failed\n`);
        return EXIT.ok;
      }
      const n = await retryJobs(store, boss, args.values.all ? 'all' : ids);
      io.stderr.write(`jobs: ${n} failed job${n === 1 ? '' : 's'} queued again\n`);
      if (!args.values.all && n < ids.length) {
        io.stderr.write(`jobs: ${ids.length - n} of the ids given are not failed jobs\n`);
        return EXIT.failed;
      }
      return EXIT.ok;
    });
  },
};
