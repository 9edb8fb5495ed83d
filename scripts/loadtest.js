#!/usr/bin/env node
// Load test of `bilat serve` (run after `npm run build`):
//   node scripts/loadtest.js --db FILE|URL [--connections 200] [--duration 30] [--gzip] [--path /events.json]…
// Starts the server in a child process on a free loopback port, runs autocannon against each
// path in turn (default: /events.json and /relations-index.json?a=CHN&b=KOR), and prints one
// line per path on stderr and a JSON summary on stdout: requests/s, latency p50/p99 (ms), errors.
// --gzip sends `Accept-Encoding: gzip` as browsers do (the server then sends cached answers gzipped).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '30' },
    path: { type: 'string', multiple: true },
    gzip: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
if (!values.db || !(connections > 0) || !(duration > 0)) {
  process.stderr.write('usage: node scripts/loadtest.js --db FILE|URL [--connections 200] [--duration 30] [--gzip] [--path /events.json]…\n');
  process.exit(2);
}
const paths = values.path?.length ? values.path : ['/events.json', '/relations-index.json?a=CHN&b=KOR'];

const server = spawn(process.execPath, [join(root, 'bin', 'bilat.js'), 'serve', '--port', '0', '--db', values.db], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const base = await new Promise((resolve, reject) => {
  server.stderr.on('data', (chunk) => {
    log += chunk;
    const m = /(http:\/\/\S+?)\/?\s/.exec(log);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
});

const results = [];
try {
  for (const path of paths) {
    // Warm up (first request loads the gazetteer and fills caches), then measure.
    const headers = values.gzip ? { 'accept-encoding': 'gzip' } : {};
    const warm = await fetch(base + path, { headers });
    if (!warm.ok) throw new Error(`${path}: HTTP ${warm.status} ${await warm.text()}`);
    const r = await autocannon({ url: base + path, connections, duration, pipelining: 1, headers });
    const row = {
      path,
      encoding: values.gzip ? 'gzip' : 'identity',
      connections,
      duration_s: duration,
      requests: r.requests.total,
      requests_per_s: Math.round(r.requests.average),
      latency_p50_ms: r.latency.p50,
      latency_p99_ms: r.latency.p99,
      latency_max_ms: r.latency.max,
      bytes_per_request: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
      errors: r.errors,
      timeouts: r.timeouts,
      non_2xx: r.non2xx,
    };
    results.push(row);
    process.stderr.write(`${path}: ${row.requests_per_s} req/s, p50 ${row.latency_p50_ms} ms, p99 ${row.latency_p99_ms} ms, ${row.errors} errors, ${row.timeouts} timeouts, ${row.non_2xx} non-2xx\n`);
  }
} finally {
  server.kill('SIGTERM');
}
process.stdout.write(`${JSON.stringify({ db: values.db, results }, null, 2)}\n`);
