#!/usr/bin/env node
// Build what `bilat serve` needs when it is missing or older than its sources:
// dist/ (tsc) and the dashboard in web/dist (vite build). Used by `npm start` and the test setup.
// `node scripts/build-web.js [--force]` builds the dashboard only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under `paths` (0 when none exist). */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') t = Math.max(t, newest([join(p, e)]));
    } else t = Math.max(t, s.mtimeMs);
  }
  return t;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Whether `output` is missing or older than any of `inputs`. */
export function stale(output, inputs) {
  const out = mtime(output);
  return out === 0 || newest(inputs) > out;
}

/** Compile src/ to dist/ with tsc when dist is missing or stale. */
export function buildServer({ log = (m) => process.stderr.write(m), force = false } = {}) {
  const marker = join(ROOT, 'dist', 'cli', 'run.js');
  if (!force && !stale(marker, [join(ROOT, 'src'), join(ROOT, 'tsconfig.build.json')])) return false;
  log('bilat: building dist/ (tsc)…\n');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
  return true;
}

/** Build the dashboard to web/dist with vite when it is missing or stale. */
export function buildDashboard({ log = (m) => process.stderr.write(m), force = false } = {}) {
  const web = join(ROOT, 'web');
  const marker = join(web, 'dist', 'index.html');
  if (!force && !stale(marker, [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts')])) return false;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) throw new Error('cannot build the dashboard: vite is not installed (run npm install)');
  log('bilat: building the dashboard (vite build web)…\n');
  execFileSync(process.execPath, [vite, 'build', web], { stdio: ['ignore', process.stderr, 'inherit'], cwd: ROOT });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildDashboard({ force: process.argv.includes('--force') });
  } catch (err) {
    process.stderr.write(`build-web: ${err.message}\n`);
    process.exit(1);
  }
}
