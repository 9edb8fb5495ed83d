#!/usr/bin/env node
// Several `bilat worker` processes on PostgreSQL ingest a corpus from the queue while one of them
// is killed with SIGKILL midway; then the run is audited: every queued document stored exactly
// once, none lost, failed jobs listed, fused events equal to a rebuild.
//
//   node scripts/worker-kill-demo.js [CORPUS…] [--db postgres://…] [--workers 3] [--kill-at 0.3]
//                                    [--timeout 20s] [--concurrency 1] [--keep]
//
// CORPUS defaults to ../shared/bench/reuters21578 when it is there, else data/sample/articles.
// The run uses a fresh schema (dropped afterwards unless --keep). Data (the audit, JSON) goes to
// stdout, progress to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'bilat.js');
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

function withSchema(base, schema) {
  return `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Run the demo and return its report. `log` receives progress lines.
 * @param {{ base: string, corpus: string[], workers?: number, killAt?: number, timeout?: string, concurrency?: number, keep?: boolean, log?: (s: string) => void, deadlineMs?: number }} o
 */
export async function runKillDemo(o) {
  const log = o.log ?? ((s) => process.stderr.write(`${s}\n`));
  const workers = o.workers ?? 3;
  const killAt = o.killAt ?? 0.3;
  const schema = `bilat_demo_${process.pid}_${Date.now().toString(36)}`;
  const url = withSchema(o.base, schema);
  const env = { ...process.env, BILAT_DEBUG: '' };
  const started = Date.now();
  const enq = spawnSync(process.execPath, [BIN, 'enqueue', ...o.corpus, '--timeout', o.timeout ?? '20s', '--retry-delay', '2s', '--quiet', '--db', url], { env, encoding: 'utf8' });
  log(enq.stderr.trim());
  if (enq.status !== 0 && enq.status !== 1) throw new Error(`enqueue failed (exit ${enq.status})`);
  const queued = Number(/(\d+) jobs queued/.exec(enq.stderr)?.[1] ?? 0);
  const procs = [];
  for (let i = 0; i < workers; i++) {
    const args = [BIN, 'worker', '--exit-when-idle', '--verbose', '--concurrency', String(o.concurrency ?? 1), '--db', url];
    const p = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const w = { index: i, pid: p.pid, proc: p, handled: 0, failedAttempts: 0, killed: false, exit: null, tail: '' };
    let buf = '';
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (chunk) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (/^(new|duplicate)\s/.test(line)) w.handled++;
        else if (/^failed\s/.test(line)) w.failedAttempts++;
        else if (line.trim()) w.tail = line;
      }
    });
    w.done = new Promise((resolve) => p.on('exit', (code, signal) => resolve((w.exit = signal ?? code))));
    procs.push(w);
  }
  log(`demo: ${queued} jobs, ${workers} workers (pids ${procs.map((w) => w.pid).join(', ')}) on schema ${schema}`);
  const victim = procs[0];
  let killedAfter = null;
  const deadline = Date.now() + (o.deadlineMs ?? 60 * 60 * 1000);
  let lastLog = 0;
  while (procs.some((w) => w.exit === null)) {
    const handled = procs.reduce((n, w) => n + w.handled, 0);
    if (!victim.killed && handled >= Math.max(1, Math.floor(queued * killAt)) && victim.exit === null) {
      victim.proc.kill('SIGKILL');
      victim.killed = true;
      killedAfter = { jobs_done_overall: handled, jobs_done_by_victim: victim.handled, seconds: (Date.now() - started) / 1000 };
      log(`demo: SIGKILL worker ${victim.pid} after ${handled} jobs overall (${victim.handled} of them its own)`);
    }
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(`demo: ${handled}/${queued} jobs handled`);
    }
    if (Date.now() > deadline) {
      for (const w of procs) if (w.exit === null) w.proc.kill('SIGTERM');
      throw new Error('demo: workers did not finish before the deadline');
    }
    await sleep(200);
  }
  await Promise.all(procs.map((w) => w.done));
  const seconds = (Date.now() - started) / 1000;
  const { openStore } = await dist('store/db.js');
  const { auditQueueRun } = await dist('queue/audit.js');
  const { failedJobs } = await dist('queue/status.js');
  const store = await openStore(url);
  let audit;
  let failed;
  try {
    audit = await auditQueueRun(store);
    failed = await failedJobs(store);
  } finally {
    await store.close();
  }
  if (!o.keep) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: o.base });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS "${schema}_boss" CASCADE`);
    } finally {
      await client.end();
    }
  }
  return {
    schema: o.keep ? schema : null,
    corpus: o.corpus,
    queued,
    seconds,
    killed: { pid: victim.pid, ...killedAfter },
    workers: procs.map((w) => ({ pid: w.pid, killed: w.killed, exit: w.exit, jobs_handled: w.handled, failed_attempts: w.failedAttempts, summary: w.killed ? null : w.tail })),
    audit: { ...audit, missing: audit.missing.length, unexpected: audit.unexpected.length, missing_ids: audit.missing.slice(0, 20), unexpected_ids: audit.unexpected.slice(0, 20) },
    failed_jobs: failed,
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string', default: '3' },
      'kill-at': { type: 'string', default: '0.3' },
      timeout: { type: 'string', default: '20s' },
      concurrency: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const base = values.db ?? process.env.BILAT_TEST_PG ?? process.env.BILAT_DB;
  if (!base || !/^postgres(?:ql)?:\/\//.test(base)) {
    process.stderr.write('worker-kill-demo: give --db postgres://… (or set BILAT_TEST_PG or BILAT_DB)\n');
    process.exit(2);
  }
  const reuters = join(root, '..', 'shared', 'bench', 'reuters21578');
  const corpus = positionals.length ? positionals : existsSync(reuters) ? [reuters] : [join(root, 'data', 'sample', 'articles')];
  const killAt = Number(values['kill-at']);
  if (!(killAt > 0 && killAt < 1)) {
    process.stderr.write('worker-kill-demo: --kill-at is a fraction of the jobs between 0 and 1\n');
    process.exit(2);
  }
  const report = await runKillDemo({ base, corpus, workers: Number(values.workers), killAt, timeout: values.timeout, concurrency: Number(values.concurrency), keep: values.keep });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const a = report.audit;
  const ok = a.missing === 0 && a.unexpected === 0 && a.unfinished === 0 && a.orphan_events === 0 && a.fusion_matches_rebuild;
  process.stderr.write(
    `worker-kill-demo: ${a.stored_documents}/${a.expected_documents} documents stored, ${a.missing} missing, ${a.unexpected} unexpected; ` +
      `${a.completed} jobs completed, ${a.failed} failed, ${a.retried} retried, ${a.unfinished} unfinished; fusion ${a.fusion_matches_rebuild ? 'matches' : 'DIFFERS FROM'} a rebuild · ${report.seconds.toFixed(1)}s\n`,
  );
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
