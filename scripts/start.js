#!/usr/bin/env node
// `npm start [-- --port N --host H --db FILE|URL]`: build what is missing or stale (dist/ and the
// dashboard in web/dist), fill the database from the bundled sample corpus, policy registry and
// series when it has none of them, then serve the API and the dashboard and print the URL.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildDashboard, buildServer, ROOT } from './build-web.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  strict: true,
});

const fail = (message) => {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
};

try {
  buildServer();
  buildDashboard();
} catch (err) {
  fail(`build failed: ${err.message}`);
}

const load = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const { main } = await load('cli/main.js');
const { processIO, EXIT } = await load('cli/io.js');
const { openStore, resolveDbLocation } = await load('store/db.js');

const location = resolveDbLocation(values.db, process.env);
const counts = async () => {
  const store = await openStore(location);
  try {
    const count = async (table, where) => {
      let q = store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      if (where) q = q.where(...where);
      return Number((await q.executeTakeFirst())?.n ?? 0);
    };
    return {
      documents: await count('document'),
      policies: await count('policy_instrument'),
      series: await count('series'),
    };
  } finally {
    await store.close();
  }
};

const step = async (argv) => {
  const code = await main([...argv, '--db', location], processIO());
  if (code !== EXIT.ok) fail(`\`bilat ${argv.join(' ')}\` failed (exit code ${code})`);
};

let have;
try {
  have = await counts();
} catch (err) {
  fail(`cannot open the database ${location}: ${err.message}`);
}
if (have.documents === 0) {
  process.stderr.write(`npm start: ${location} has no documents; ingesting the sample corpus…\n`);
  await step(['demo', '--quiet']);
}
if (have.policies === 0) {
  const dir = join(ROOT, 'data', 'policies');
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|csv)$/.test(f)).map((f) => join(dir, f));
  process.stderr.write('npm start: importing the starter policy registry (data/policies)…\n');
  await step(['policies', 'import', ...files]);
}
if (have.series === 0) {
  process.stderr.write('npm start: importing the starter series (data/series/series.yaml)…\n');
  await step(['series', 'import', join(ROOT, 'data', 'series', 'series.yaml')]);
}

const { run } = await load('cli/run.js');
const serveArgs = ['serve', '--db', location];
if (values.port) serveArgs.push('--port', values.port);
if (values.host) serveArgs.push('--host', values.host);
await run(serveArgs);
