import type PgBoss from 'pg-boss';
import { isPostgresUrl, resolveDbLocation, type Store } from '../store/db.js';
import { stringOption, type ParsedArgs } from './command.js';
import { withStore } from './context.js';
import { CommandError, UsageError, type CliIO } from './io.js';
import type { OpenQueueOptions } from '../queue/boss.js';

/**
 * Open the store and its job queue (PostgreSQL only), run `fn`, and stop both. On SQLite this
 * is a clear error that names the alternative.
 */
export async function withQueue<T>(args: ParsedArgs, io: CliIO, fn: (store: Store, boss: PgBoss) => Promise<T>, options: OpenQueueOptions = {}): Promise<T> {
  const location = resolveDbLocation(stringOption(args, 'db'), io.env);
  if (!isPostgresUrl(location)) {
    throw new CommandError(`the job queue needs PostgreSQL (--db postgres://… or BILAT_DB); ${location} is a SQLite file — use \`bilat ingest\` instead`);
  }
  return withStore(args, io, async (store) => {
    const { openQueue, QueueUnavailableError } = await import('../queue/boss.js');
    let boss: PgBoss;
    try {
      boss = await openQueue(store, location, { onError: (err) => io.stderr.write(`queue: ${err.message}\n`), ...options });
    } catch (err) {
      if (err instanceof QueueUnavailableError) throw new CommandError(err.message);
      throw new CommandError(`cannot start the job queue on ${store.location}: ${(err as Error).message}`);
    }
    try {
      return await fn(store, boss);
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    }
  });
}

/** `30s`, `15m`, `2h`, `1d` or plain seconds, as milliseconds. */
export function durationMs(flagName: string, value: string | undefined, fallbackMs: number, minMs = 1000): number {
  if (value === undefined) return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--${flagName} must be a duration such as 30s, 15m or 2h (got "${value}")`);
  const mult: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const ms = Number(m[1]) * mult[(m[2] ?? 's').toLowerCase()]!;
  if (ms < minMs) throw new UsageError(`--${flagName} must be at least ${minMs / 1000}s (got "${value}")`);
  return ms;
}
