import type { Command } from '../command.js';
import { DB_OPTION, flag, stringOption } from '../command.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { durationMs, withQueue } from '../queue-context.js';
import { dateFlag, intFlag, sizeFlag } from '../validate.js';

/** A line at every further thousand jobs. */
function progress(io: CliIO): (n: number) => void {
  let shown = 0;
  return (n) => {
    if (Math.floor(n / 1000) > shown) {
      shown = Math.floor(n / 1000);
      io.stderr.write(`enqueue: ${n} jobs queued\n`);
    }
  };
}

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'Put documents (files, folders, globs) or feed items on the PostgreSQL job queue for `bilat worker`.',
  usage: 'bilat enqueue PATH…|FEED_URL… [--published YYYY-MM-DD] [--outlet NAME] [--retries N] [--timeout 5m] --db postgres://…',
  description:
    'PostgreSQL only (the queue is pg-boss in the same database). Each document of a file becomes one job ' +
    'carrying its text, so workers on other machines need no access to the files; each item of an RSS/Atom feed ' +
    'becomes one job that fetches the item\'s page. A job that fails is retried with exponential backoff; after ' +
    'its last attempt it is listed by `bilat jobs failed`. Storing is exactly-once by content id, so enqueueing ' +
    'the same documents twice stores nothing twice. Unreadable files are reported and the rest are queued (exit code 1).',
  options: {
    published: { type: 'string', value: 'YYYY-MM-DD', description: 'publication date for documents with none in metadata or dateline' },
    outlet: { type: 'string', value: 'NAME', description: 'outlet for documents that name none' },
    retries: { type: 'string', value: 'N', description: 'attempts after the first before a job is dead-lettered (default 3)' },
    'retry-delay': { type: 'string', value: 'DURATION', description: 'wait before the first retry, doubled for each further one (default 10s)' },
    timeout: { type: 'string', value: 'DURATION', description: 'how long a claimed job may run before it returns to the queue (default 5m)' },
    'max-size': { type: 'string', value: 'SIZE', description: 'largest file accepted (default 20MB)' },
    'allow-private': { type: 'boolean', description: 'let feed and page fetches reach private, loopback and link-local addresses' },
    quiet: { type: 'boolean', short: 'q', description: 'summary only' },
    db: DB_OPTION,
  },
  examples: ['bilat enqueue corpus/ --db postgres://localhost/bilat', 'bilat enqueue https://example.org/news.rss --db postgres://localhost/bilat'],
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('give at least one PATH (file, folder or glob) or FEED_URL');
    if (args.positionals.includes('-')) throw new UsageError('stdin (-) cannot be queued; save it to a file first');
    const published = dateFlag('published', stringOption(args, 'published'));
    const { DEFAULT_MAX_BYTES } = await import('../../ingest/load.js');
    const maxBytes = sizeFlag('max-size', stringOption(args, 'max-size'), DEFAULT_MAX_BYTES);
    const retryLimit = intFlag('retries', stringOption(args, 'retries'), 3, 0, 100);
    const retryDelay = Math.round(durationMs('retry-delay', stringOption(args, 'retry-delay'), 10_000, 0) / 1000);
    const expireInSeconds = Math.round(durationMs('timeout', stringOption(args, 'timeout'), 300_000, 1000) / 1000);
    const { expandInputs, displayPath } = await import('../../ingest/sources.js');
    const { enqueueInputs, isUrl } = await import('../../queue/enqueue.js');
    const urls = args.positionals.filter(isUrl);
    const sources = expandInputs(args.positionals.filter((p) => !isUrl(p)), io.cwd);
    const summary = await withQueue(args, io, (_store, boss) =>
      enqueueInputs(boss, sources.files, urls, {
        settings: { published: published ?? null, outlet: stringOption(args, 'outlet') ?? null },
        policy: { retryLimit, retryDelay, expireInSeconds },
        allowPrivate: flag(args, 'allow-private'),
        maxBytes,
        displayPath: (p) => displayPath(p, io.cwd),
        onProgress: flag(args, 'quiet') ? undefined : progress(io),
      }),
    );
    const failures = [...sources.errors, ...summary.failures];
    for (const f of failures) io.stderr.write(`failed   ${f.path}: ${f.reason}\n`);
    io.stderr.write(`enqueue: ${summary.queued} jobs queued from ${summary.files} files and ${summary.feeds} feeds, ${failures.length} failed\n`);
    return failures.length ? EXIT.failed : EXIT.ok;
  },
};
