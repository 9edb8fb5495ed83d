/**
 * One measured ingest, run in a process of its own so that peak memory and CPU time are this
 * run's alone: `node dist/bench/ingest-run.js DB WORKERS FILE…`. It ingests with the same library
 * calls as `bilat ingest` and prints one JSON line of figures on stdout.
 */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.js';
import { ingestFilesParallel } from '../ingest/parallel.js';
import { createExtractor, PIPELINE_VERSION } from '../pipeline.js';
import { openStore, type Store } from '../store/db.js';

export interface IngestRunResult {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  documents: number;
  duplicates: number;
  failed: number;
  words: number;
  sentences: number;
  events: number;
  dbBytes: number;
}

async function count(store: Store, table: 'event' | 'document'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function postgresBytes(store: Store): Promise<number> {
  const schema = store.schema ?? 'public';
  const r = await sql<{ n: string | null }>`select sum(pg_total_relation_size(c.oid))::text as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = ${schema} and c.relkind in ('r', 'm')`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

function fileBytes(path: string): number {
  let n = 0;
  for (const suffix of ['', '-wal']) {
    try {
      n += statSync(path + suffix).size;
    } catch {
      // no such file
    }
  }
  return n;
}

export async function runIngest(db: string, workers: number, files: string[]): Promise<IngestRunResult> {
  // As `bilat ingest` opens it.
  const store = await openStore(db, { asyncCommit: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const common = { now: () => new Date(), pipelineVersion: PIPELINE_VERSION, maxYear: new Date().getUTCFullYear() };
  let summary: IngestSummary;
  let events: number;
  let dbBytes = 0;
  try {
    summary = workers > 1 ? await ingestFilesParallel(store, files, { ...common, workers }) : await ingestFiles(store, files, { ...common, process: createExtractor() });
    events = await count(store, 'event');
    if (store.capabilities.dialect === 'postgres') dbBytes = await postgresBytes(store);
  } finally {
    await store.close();
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!dbBytes) dbBytes = fileBytes(db);
  return {
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    documents: summary.new,
    duplicates: summary.duplicate,
    failed: summary.failures.length,
    words: summary.words,
    sentences: summary.sentences,
    events,
    dbBytes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [db, workers, ...files] = process.argv.slice(2);
  if (!db || !workers || files.length === 0) {
    process.stderr.write('usage: node dist/bench/ingest-run.js DB WORKERS FILE…\n');
    process.exit(2);
  }
  const result = await runIngest(db, Number(workers), files);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
