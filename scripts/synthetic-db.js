#!/usr/bin/env node
// Create a synthetic database for load tests and benchmarks (run after `npm run build`):
//   node scripts/synthetic-db.js FILE|URL [--events 100000] [--copies K] [--seed N]
// The database must be new or empty. Progress goes to stderr; a JSON summary to stdout.
// A SQLite file is built with build-only settings (src/bench/bulk.ts: no journal, no fsync,
// secondary indexes created after the load). --copies K generates events/K events and copies
// them inside the database K-1 times (src/bench/replicate.ts), as the benchmark does for 1M.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/synthetic-db.js FILE|URL [--events N] [--copies K, dividing N] [--seed N]\n';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { events: { type: 'string', default: '100000' }, copies: { type: 'string', default: '1' }, seed: { type: 'string' } } });
} catch (err) {
  process.stderr.write(`synthetic-db: ${err.message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const events = Number(values.events);
const copies = Number(values.copies);
if (positionals.length !== 1 || !Number.isInteger(events) || events < 1 || !Number.isInteger(copies) || copies < 1 || events % copies !== 0) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const { openStore } = await import(pathToFileURL(join(root, 'dist', 'store', 'db.js')).href);
const { createSyntheticEvents } = await import(pathToFileURL(join(root, 'dist', 'bench', 'synthetic-events.js')).href);
const { beginBulkLoad } = await import(pathToFileURL(join(root, 'dist', 'bench', 'bulk.js')).href);
const { replicateStore } = await import(pathToFileURL(join(root, 'dist', 'bench', 'replicate.js')).href);
const store = await openStore(positionals[0]);
try {
  const existing = await store.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) {
    process.stderr.write(`synthetic-db: ${positionals[0]} already holds events; give a new database\n`);
    process.exitCode = 1;
  } else {
    const started = Date.now();
    const bulk = await beginBulkLoad(store);
    const summary = await createSyntheticEvents(store, {
      events: events / copies,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      onProgress: (done, total) => process.stderr.write(`\rsynthetic-db: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`),
    });
    process.stderr.write('\n');
    const generated = (Date.now() - started) / 1000;
    await replicateStore(store, copies, (k) => process.stderr.write(`\rsynthetic-db: copy ${k + 1}/${copies}`));
    if (copies > 1) process.stderr.write('\n');
    const copied = (Date.now() - started) / 1000;
    process.stderr.write('synthetic-db: creating indexes\n');
    await bulk.finish();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({ documents: summary.documents * copies, events: summary.events * copies, fused_events: summary.fused_events * copies, copies, seconds_generate: generated, seconds_copy: copied - generated, seconds_index: seconds - copied, seconds })}\n`,
    );
  }
} finally {
  await store.close();
}
