/**
 * `npm run bench`: ingest-and-extract throughput, memory and database size on a real or generated
 * corpus (one process, worker threads, SQLite and PostgreSQL), the read-and-split floor, a
 * per-stage profile, and store query latency at a million events. Prints Markdown tables on
 * stdout, progress on stderr; writes bench/results.json and the README's Benchmark section.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { defaultStages } from '../pipeline.js';
import { openStore } from '../store/db.js';
import { corpusDocuments, generatedCorpus, reutersCorpus, reutersFiles, type Corpus } from './corpus.js';
import { measureFloor } from './floor.js';
import type { IngestRunResult } from './ingest-run.js';
import { profileStages } from './profile.js';
import { measureQueries, syntheticStore, type QueryBench } from './queries.js';
import { renderResults, updateReadme, type BenchResults, type IngestRow, type Target } from './report.js';

const HELP = `Usage: npm run bench -- [--only ingest|query] [--docs N] [--pg URL] [--events N] [--workers 1,2]

  --only ingest|query  run one part (default both)
  --docs N             ingest only the first N documents of the corpus (default: all of Reuters, or 10,000 generated)
  --corpus DIR         Reuters-21578 folder (default ../shared/bench/reuters21578); absent → generated corpus
  --generated          use the generated corpus even when Reuters is present
  --workers LIST       worker counts to run (default 1,2; 1 = single process)
  --pg URL             also run on PostgreSQL (default $BILAT_TEST_PG); each run gets a fresh schema
  --events N           synthetic events for the query part (default 1,000,000; the SQLite file is cached in the temp folder)
  --query-pg           also measure query latency on PostgreSQL (generates the events there; slow)
  --query-store FILE   measure query latency on this existing SQLite store instead of generating one
                       (e.g. a synthetic build stopped part way: its finished copies are whole)
  --profile-docs N     documents for the per-stage profile (default 2,000)
  --out FILE           results file (default bench/results.json; bench/results.local.json for partial runs)
  --readme / --no-readme  update README.md's Benchmark section (default: only on full runs)
`;

const log = (line: string) => process.stderr.write(`${line}\n`);

function intArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const store = await openStore(url, { migrate: false });
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  } finally {
    await store.close();
  }
}

function machine(): BenchResults['machine'] {
  return { cpus: cpus().length, cpu_model: cpus()[0]?.model.trim() ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.versions.node, platform: `${platform()} ${process.arch}`, load_average: loadavg() };
}

/** A store that already exists, as it is: its events are counted, nothing is generated. */
async function existingStore(location: string): Promise<{ store: Awaited<ReturnType<typeof openStore>>; seconds: number; events: number }> {
  if (!existsSync(location)) throw new Error(`--query-store ${location}: no such file`);
  const store = await openStore(location);
  const row = await store.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { store, seconds: 0, events: Number(row?.n ?? 0) };
}

function ingestOnce(root: string, db: string, workers: number, files: string[]): IngestRunResult {
  const out = execFileSync(process.execPath, [join(root, 'dist', 'bench', 'ingest-run.js'), db, String(workers), ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as IngestRunResult;
}

function row(dialect: string, workers: number, r: IngestRunResult, corpus: Corpus, floorCpuMs: number): IngestRow {
  const secs = r.wallMs / 1000;
  return {
    dialect,
    workers,
    wall_s: secs,
    cpu_s: r.cpuMs / 1000,
    documents: r.documents,
    events: r.events,
    docs_per_s: (r.documents + r.duplicates) / secs,
    words_per_s: r.words / secs,
    mb_per_s: corpus.bytes / 2 ** 20 / secs,
    words_per_cpu_s: r.words / (r.cpuMs / 1000),
    peak_rss_mb: r.peakRssMb,
    db_mb: r.dbBytes / 2 ** 20,
    x_floor: floorCpuMs > 0 ? r.cpuMs / floorCpuMs : 0,
  };
}

function targets(r: BenchResults, wholeReuters: boolean): Target[] {
  const out: Target[] = [];
  const single = r.ingest.find((x) => x.dialect === 'sqlite' && x.workers === 1);
  if (single) {
    out.push({ target: 'full extraction ≥ 150,000 words/s per core', measured: `${Math.round(single.words_per_cpu_s).toLocaleString('en-US')} words per CPU-second`, met: single.words_per_cpu_s >= 150_000 });
    out.push({ target: 'ingest ≤ 4× the read-and-split floor (CPU time)', measured: `${single.x_floor.toFixed(1)}×`, met: single.x_floor <= 4 });
    const peak = Math.max(...r.ingest.map((x) => x.peak_rss_mb));
    out.push({ target: 'peak RSS < 500 MB on the whole Reuters corpus', measured: `${peak} MB${wholeReuters ? '' : ' (not the whole Reuters corpus)'}`, met: wholeReuters ? peak < 500 : null });
  }
  const q = r.queries.find((x) => x.dialect === 'sqlite')?.latencies.find((l) => l.query.startsWith('events by dyad'));
  if (q) out.push({ target: '1M events by dyad and month: p99 < 100 ms', measured: `p99 ${q.p99Ms} ms (SQLite, ${r.queries[0]!.events.toLocaleString('en-US')} events)`, met: r.queries[0]!.events >= 1_000_000 ? q.p99Ms < 100 : null });
  const pg1 = r.ingest.find((x) => x.dialect === 'postgres' && x.workers === 1);
  const pg2 = r.ingest.find((x) => x.dialect === 'postgres' && x.workers === 2);
  if (pg1 && pg2) out.push({ target: 'two workers on PostgreSQL ≥ 1.7× one', measured: `${(pg1.wall_s / pg2.wall_s).toFixed(2)}× (wall time)`, met: pg1.wall_s / pg2.wall_s >= 1.7 });
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      docs: { type: 'string' },
      corpus: { type: 'string' },
      generated: { type: 'boolean' },
      workers: { type: 'string' },
      pg: { type: 'string' },
      events: { type: 'string' },
      'profile-docs': { type: 'string' },
      'query-pg': { type: 'boolean' },
      'query-store': { type: 'string' },
      out: { type: 'string' },
      readme: { type: 'boolean' },
      'no-readme': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.only !== undefined && !['ingest', 'query'].includes(values.only)) throw new Error(`--only must be ingest or query (got "${values.only}")`);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const docs = values.docs === undefined ? undefined : intArg('docs', values.docs, 0);
  const events = intArg('events', values.events, 1_000_000);
  const profileDocs = intArg('profile-docs', values['profile-docs'], 2000);
  const workerCounts = (values.workers ?? '1,2').split(',').map((w) => intArg('workers', w.trim(), 1));
  const pg = values.pg ?? process.env.BILAT_TEST_PG;
  if (pg && !/^postgres(ql)?:\/\//.test(pg)) throw new Error(`--pg must be a postgres:// URL (got "${pg}")`);
  const partial = values.only !== undefined || docs !== undefined;
  const out = resolve(values.out ?? join(root, 'bench', partial ? 'results.local.json' : 'results.json'));
  const writeReadme = values['no-readme'] ? false : (values.readme ?? !partial);

  const results: BenchResults = { measured_at: new Date().toISOString(), machine: machine(), corpus: null, floor: null, ingest: [], profile: null, queries: [], targets: [] };
  const work = mkdtempSync(join(tmpdir(), 'bilat-bench-'));
  let wholeReuters = false;
  try {
    if (values.only !== 'query') {
      const reutersDir = resolve(values.corpus ?? join(root, '..', 'shared', 'bench', 'reuters21578'));
      const useReuters = !values.generated && reutersFiles(reutersDir).length > 0;
      if (values.corpus && !useReuters) throw new Error(`--corpus ${values.corpus}: no .sgm files there`);
      log(`bench: corpus ${useReuters ? reutersDir : `generated from ${join(root, 'data', 'sample')}`}`);
      const corpus = useReuters ? reutersCorpus(reutersDir, join(work, 'corpus'), docs ?? Infinity) : await generatedCorpus(join(root, 'data', 'sample', 'articles'), join(work, 'corpus'), docs ?? 10_000);
      wholeReuters = useReuters && docs === undefined;
      results.corpus = { name: corpus.name, source: corpus.source, files: corpus.files.length, documents: corpus.documents, mb: corpus.bytes / 2 ** 20 };

      log('bench: floor (read + sentence split)');
      const floor = await measureFloor(corpus.files);
      results.floor = { ...floor, words_per_s: floor.words / (floor.wallMs / 1000), words_per_cpu_s: floor.words / (floor.cpuMs / 1000) };

      const dialects: Array<{ name: string; location: (k: number) => { db: string; cleanup: () => Promise<void> } }> = [
        { name: 'sqlite', location: (k) => ({ db: join(work, `ingest-${k}.db`), cleanup: async () => undefined }) },
      ];
      if (pg) {
        dialects.push({
          name: 'postgres',
          location: (k) => {
            const schema = `bench_${process.pid}_${k}`;
            return { db: withSchema(pg, schema), cleanup: () => dropSchema(pg, schema) };
          },
        });
      }
      let k = 0;
      for (const d of dialects) {
        for (const w of workerCounts) {
          const { db, cleanup } = d.location(k++);
          log(`bench: ingest on ${d.name}, ${w === 1 ? 'one process' : `--workers ${w}`}`);
          try {
            const r = ingestOnce(root, db, w, corpus.files);
            results.ingest.push(row(d.name, w, r, corpus, floor.cpuMs));
          } finally {
            await cleanup();
          }
        }
      }

      log(`bench: per-stage profile over ${profileDocs} documents`);
      const sample = [];
      for await (const doc of corpusDocuments(corpus.files)) {
        sample.push(doc);
        if (sample.length >= profileDocs) break;
      }
      results.profile = profileStages(sample, defaultStages());
    }

    if (values.only !== 'ingest') {
      const cacheDir = join(tmpdir(), 'bilat-bench');
      mkdirSync(cacheDir, { recursive: true });
      const runs = { events: 200, indicators: 20, index: 20 };
      const targetsDb: Array<{ location: string; cleanup: () => Promise<void> }> = [{ location: join(cacheDir, `synthetic-${events}.db`), cleanup: async () => undefined }];
      if (pg && values['query-pg']) {
        const schema = `bench_${process.pid}_q`;
        targetsDb.push({ location: withSchema(pg, schema), cleanup: () => dropSchema(pg, schema) });
      }
      if (values['query-store']) targetsDb.splice(0, 1, { location: resolve(values['query-store']), cleanup: async () => undefined });
      for (const t of targetsDb) {
        const existing = values['query-store'] !== undefined && t.location === resolve(values['query-store']);
        log(`bench: query latency ${existing ? `on ${t.location}` : `at ${events.toLocaleString('en-US')} events on ${t.location.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`}`);
        const made = existing ? await existingStore(t.location) : await syntheticStore(t.location, events, log);
        try {
          results.queries.push(await measureQueries(made.store, made.events, made.seconds, runs));
        } finally {
          await made.store.close();
          await t.cleanup();
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  results.targets = targets(results, wholeReuters);
  const text = renderResults(results);
  process.stdout.write(`${text}\n`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  log(`bench: results written to ${out}`);
  if (writeReadme) {
    updateReadme(join(root, 'README.md'), text);
    log('bench: README.md Benchmark section updated');
  }
  log(`bench: free memory ${Math.round(freemem() / 2 ** 20)} MB`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench: ${(err as Error).message}`);
    process.exit(2);
  },
);
