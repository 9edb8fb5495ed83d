import type { Command } from '../command.js';
import { DB_OPTION, flag, stringOption } from '../command.js';
import { debugFor, withStore } from '../context.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { durationMs, withQueue } from '../queue-context.js';
import { dateFlag, sizeFlag } from '../validate.js';
import { isPostgresUrl, resolveDbLocation, type Store } from '../../store/db.js';
import type { RawDocument } from '../../types.js';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'Poll RSS/Atom feeds politely and take their new items: queued on PostgreSQL, ingested directly on SQLite.',
  usage: 'bilat watch FEED_URL… [--every 15m] [--once] [--allow-private] [--host-delay 2s] [--db FILE|URL]',
  description:
    'Each feed is fetched with a conditional GET (ETag, If-Modified-Since), at most one request per host every ' +
    '--host-delay, and after a failure waits twice as long each time (up to 6 hours, or longer if the server sends ' +
    'Retry-After). New items are remembered per feed. On PostgreSQL each new item becomes a job that fetches its page ' +
    '(`bilat worker` runs them); on SQLite the pages are fetched and ingested here. Fetches refuse private, loopback and ' +
    'link-local addresses (every address a name resolves to, on every redirect) unless --allow-private is given, follow ' +
    'at most 5 redirects and are capped in size and time. Ctrl-C stops after the current feed.',
  options: {
    every: { type: 'string', value: 'DURATION', description: 'time between polls of a feed (default 15m, at least 10s)' },
    once: { type: 'boolean', description: 'poll every feed once and exit' },
    'allow-private': { type: 'boolean', description: 'allow fetching from private, loopback and link-local addresses' },
    'host-delay': { type: 'string', value: 'DURATION', description: 'least time between two requests to one host (default 2s)' },
    'max-size': { type: 'string', value: 'SIZE', description: 'largest feed or page accepted (default 5MB)' },
    timeout: { type: 'string', value: 'DURATION', description: 'time allowed for one fetch, redirects included (default 20s)' },
    published: { type: 'string', value: 'YYYY-MM-DD', description: 'publication date for items with none in metadata or dateline' },
    outlet: { type: 'string', value: 'NAME', description: 'outlet for items that name none' },
    quiet: { type: 'boolean', short: 'q', description: 'only errors and the final summary' },
    db: DB_OPTION,
  },
  examples: ['bilat watch https://example.org/world.rss --every 15m --db postgres://localhost/bilat', 'bilat watch https://example.org/atom.xml --once'],
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('give at least one FEED_URL');
    for (const u of args.positionals) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(u);
      } catch {
        parsed = null;
      }
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) throw new UsageError(`"${u}" is not an http(s) feed URL`);
    }
    const everyMs = durationMs('every', stringOption(args, 'every'), 15 * 60_000, 10_000);
    const hostDelayMs = durationMs('host-delay', stringOption(args, 'host-delay'), 2000, 0);
    const timeoutMs = durationMs('timeout', stringOption(args, 'timeout'), 20_000, 1000);
    const { DEFAULT_FETCH_MAX_BYTES } = await import('../../net/safe-fetch.js');
    const maxBytes = sizeFlag('max-size', stringOption(args, 'max-size'), DEFAULT_FETCH_MAX_BYTES);
    const settings = { published: dateFlag('published', stringOption(args, 'published')) ?? null, outlet: stringOption(args, 'outlet') ?? null };
    const allowPrivate = flag(args, 'allow-private');
    const { HostPacer } = await import('../../feeds/pacer.js');
    const { watchFeeds } = await import('../../feeds/watch.js');
    const pacer = new HostPacer(hostDelayMs);
    const fetch = { maxBytes, timeoutMs, signal: io.signal };
    const urls = [...new Set(args.positionals)];
    const quiet = flag(args, 'quiet');
    let itemFailures = 0;
    const watch = (store: Store, deliver: (items: RawDocument[]) => Promise<RawDocument[]>) =>
      watchFeeds(store, urls, {
        everyMs,
        once: flag(args, 'once'),
        allowPrivate,
        pacer,
        now: io.now,
        fetch,
        signal: io.signal,
        deliver,
        onPoll: (o, taken) => {
          for (const f of o.failures) io.stderr.write(`failed   ${f.sourcePath}: ${f.reason}\n`);
          itemFailures += o.failures.length;
          if (o.status === 'error') io.stderr.write(`failed   ${o.url}: ${o.error} (next poll ${o.nextPollAt.toISOString()})\n`);
          else if (!quiet) io.stderr.write(`watch: ${o.url}: ${o.status === 'not-modified' ? 'not modified' : `${o.items.length} new items, ${taken} taken`}\n`);
        },
      });
    const location = resolveDbLocation(stringOption(args, 'db'), io.env);
    const summary = isPostgresUrl(location)
      ? await withQueue(args, io, async (store, boss) => {
          const { feedItemJobs, insertJobs } = await import('../../queue/enqueue.js');
          return watch(store, async (items) => {
            await insertJobs(boss, feedItemJobs(items, settings, allowPrivate));
            return items;
          });
        })
      : await withStore(args, io, async (store) => {
          const deliver = await directIngest(store, io, { settings, allowPrivate, pacer, fetch, quiet });
          return watch(store, deliver);
        });
    io.stderr.write(`watch: ${summary.polls} polls, ${summary.errors} failed, ${summary.taken} items taken\n`);
    if (io.signal?.aborted) return EXIT.interrupted;
    return summary.errors || itemFailures ? EXIT.failed : EXIT.ok;
  },
};

/** On SQLite: fetch each item's page and ingest it here (the feed's own text if the page fails). */
async function directIngest(
  store: Store,
  io: CliIO,
  o: { settings: { published: string | null; outlet: string | null }; allowPrivate: boolean; pacer: { wait(url: string): Promise<void> }; fetch: { maxBytes: number; timeoutMs: number }; quiet: boolean },
): Promise<(items: RawDocument[]) => Promise<RawDocument[]>> {
  const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
  const { processJob } = await import('../../queue/process.js');
  const { documentJob, pageJob } = await import('../../queue/job.js');
  const deps = { process: createExtractor({ debug: debugFor(io) }), now: io.now, pipelineVersion: PIPELINE_VERSION, fetch: o.fetch };
  return async (items) => {
    const taken: RawDocument[] = [];
    for (const item of items) {
      if (io.signal?.aborted) break;
      try {
        let outcome;
        if (item.url) {
          await o.pacer.wait(item.url);
          try {
            outcome = await processJob(store, pageJob(item.url, item, o.settings, o.allowPrivate), deps);
          } catch (err) {
            io.stderr.write(`warning  ${item.url}: page not used (${(err as Error).message}); ingesting the feed's text\n`);
            outcome = await processJob(store, documentJob(item, o.settings), deps);
          }
        } else {
          outcome = await processJob(store, documentJob(item, o.settings), deps);
        }
        if (!o.quiet) io.stderr.write(`${outcome.status.padEnd(9)} ${outcome.document_id}  ${outcome.source}\n`);
        taken.push(item);
      } catch (err) {
        io.stderr.write(`failed   ${item.sourcePath}: ${(err as Error).message}\n`);
      }
    }
    return taken;
  };
}
