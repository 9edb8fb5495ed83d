#!/usr/bin/env node
// Create a synthetic database for load tests and benchmarks (run after `npm run build`):
//   node scripts/synthetic-db.js FILE|URL [--events 100000] [--seed N]
// The database must be new or empty. Progress goes to stderr; a JSON summary to stdout.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { events: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const events = Number(values.events);
if (positionals.length !== 1 || !Number.isInteger(events) || events < 1) {
  process.stderr.write('usage: node scripts/synthetic-db.js FILE|URL [--events N] [--seed N]\n');
  process.exit(2);
}
const { openStore } = await import(pathToFileURL(join(root, 'dist', 'store', 'db.js')).href);
const { createSyntheticEvents } = await import(pathToFileURL(join(root, 'dist', 'bench', 'synthetic-events.js')).href);
const store = await openStore(positionals[0]);
try {
  const existing = await store.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) {
    process.stderr.write(`synthetic-db: ${positionals[0]} already holds events; give a new database\n`);
    process.exitCode = 1;
  } else {
    const summary = await createSyntheticEvents(store, {
      events,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      onProgress: (done, total) => process.stderr.write(`\rsynthetic-db: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`),
    });
    process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
} finally {
  await store.close();
}
