import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FloorResult } from './floor.js';
import type { StageProfile } from './profile.js';
import type { QueryBench } from './queries.js';

export interface IngestRow {
  dialect: string;
  workers: number;
  wall_s: number;
  cpu_s: number;
  documents: number;
  events: number;
  docs_per_s: number;
  words_per_s: number;
  mb_per_s: number;
  /** Words per CPU-second (all threads): the per-core speed, independent of other load on the machine. */
  words_per_cpu_s: number;
  peak_rss_mb: number;
  db_mb: number;
  /** Wall time over the floor's wall time. */
  x_floor: number;
}

export interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResults {
  measured_at: string;
  machine: { cpus: number; cpu_model: string; memory_gb: number; node: string; platform: string; load_average: number[] };
  corpus: { name: string; source: string; files: number; documents: number; mb: number } | null;
  floor: (FloorResult & { words_per_s: number; words_per_cpu_s: number }) | null;
  ingest: IngestRow[];
  profile: StageProfile | null;
  queries: QueryBench[];
  targets: Target[];
}

const num = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The results as Markdown tables (printed by `npm run bench` and kept in the README). */
export function renderResults(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Measured ${r.measured_at.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} cores (${m.cpu_model}), ${m.memory_gb} GB, Node ${m.node}, ${m.platform}; load average at start ${m.load_average.map((x) => x.toFixed(1)).join(' / ')}.`);
  if (r.corpus) {
    out.push('', `Corpus: ${r.corpus.name} — ${num(r.corpus.documents)} documents in ${r.corpus.files} files, ${num(r.corpus.mb, 1)} MB (${r.corpus.source}).`);
  }
  if (r.ingest.length || r.floor) {
    const rows = r.ingest.map((x) => [
      `ingest ${x.dialect}, ${x.workers === 1 ? '1 process' : `--workers ${x.workers}`}`,
      num(x.wall_s, 1), num(x.cpu_s, 1), num(x.docs_per_s), num(x.words_per_s), num(x.mb_per_s, 2), num(x.words_per_cpu_s), num(x.peak_rss_mb), num(x.db_mb, 1), `${num(x.x_floor, 1)}×`,
    ]);
    if (r.floor) {
      const f = r.floor;
      const mb = r.corpus ? r.corpus.mb / (f.wallMs / 1000) : 0;
      rows.push(['floor: read + sentence split', num(f.wallMs / 1000, 1), num(f.cpuMs / 1000, 1), num(f.documents / (f.wallMs / 1000)), num(f.words_per_s), num(mb, 2), num(f.words_per_cpu_s), '', '', '1.0×']);
    }
    out.push('', table(['run', 'wall s', 'CPU s', 'docs/s', 'words/s', 'MB/s', 'words/CPU-s', 'peak RSS MB', 'DB MB', 'vs floor'], rows));
  }
  if (r.profile) {
    const p = r.profile;
    out.push('', `Pipeline stages over ${num(p.documents)} documents (${num(p.words)} words, ${num(p.ms / 1000, 1)} s in stages, one thread):`, '');
    out.push(table(['stage', 'ms', 'share'], p.stages.map((s) => [s.stage, num(s.ms), `${num(s.pct, 1)} %`])));
  }
  for (const q of r.queries) {
    out.push('', `Store queries on ${q.dialect}, ${num(q.events)} synthetic events:`, '');
    out.push(table(['query', 'runs', 'p50 ms', 'p99 ms', 'rows/run'], q.latencies.map((l) => [l.query, String(l.runs), num(l.p50Ms, 1), num(l.p99Ms, 1), num(l.meanRows)])));
  }
  if (r.targets.length) {
    out.push('', table(['target', 'measured', 'met'], r.targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : 'no'])));
  }
  return out.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * Put the figures into the README's "Benchmark" section, between markers (the section is
 * added before "Development" when it is missing). Written atomically.
 */
export function updateReadme(path: string, body: string): void {
  const readme = readFileSync(path, 'utf8');
  const block = `${START}\n${body}\n${END}`;
  let next: string;
  if (readme.includes(START) && readme.includes(END)) {
    next = readme.slice(0, readme.indexOf(START)) + block + readme.slice(readme.indexOf(END) + END.length);
  } else {
    const section = `## Benchmark\n\n\`npm run bench\` measures ingest throughput, memory, database size and query latency (options: \`npm run bench -- --help\`). Latest figures:\n\n${block}\n\n`;
    const at = readme.indexOf('\n## Development');
    next = at >= 0 ? `${readme.slice(0, at + 1)}${section}${readme.slice(at + 1)}` : `${readme.trimEnd()}\n\n${section}`;
  }
  writeFileSync(`${path}.tmp`, next);
  renameSync(`${path}.tmp`, path);
}
