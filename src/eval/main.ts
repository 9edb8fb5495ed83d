import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../knowledge/paths.js';
import type { EvalContext, EvalSection, Evaluator } from './section.js';

/**
 * The evaluators, in report order. Each scores one capability against gold data and returns
 * sections; evaluators needing ../shared report themselves as skipped when it is absent.
 */
export const EVALUATORS: Array<() => Promise<Evaluator>> = [
  async () => (await import('./sample-dates.js')).sampleDatesEvaluator,
  async () => (await import('./timeml.js')).timemlEvaluator,
  async () => (await import('./sample-events.js')).sampleEventsEvaluator,
  async () => (await import('./gsr.js')).gsrEvaluator,
  async () => (await import('./fusion.js')).fusionEvaluator,
  async () => (await import('./sample-statistics.js')).sampleStatisticsEvaluator,
  async () => (await import('./sample-quotes.js')).sampleQuotesEvaluator,
];

function fmt(v: number | null): string {
  if (v === null || Number.isNaN(v)) return 'n/a';
  return Math.abs(v) <= 1 ? v.toFixed(3) : v.toFixed(1);
}

export function renderReport(sections: EvalSection[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`\n${s.title}`);
    if (s.skipped) {
      lines.push(`  skipped: ${s.skipped}`);
      continue;
    }
    for (const [k, v] of Object.entries(s.metrics)) {
      const target = s.targets?.[k];
      const mark = target === undefined || v === null ? '' : v >= target ? `  (target ≥ ${target}: met)` : `  (target ≥ ${target}: NOT met)`;
      lines.push(`  ${k.padEnd(34)} ${fmt(v)}${mark}`);
    }
    const counts = Object.entries(s.counts).map(([k, v]) => `${k}=${v}`).join(', ');
    if (counts) lines.push(`  counts: ${counts}`);
    for (const e of s.errors ?? []) lines.push(`  error class: ${e.class} (${e.count})${e.examples[0] ? ` e.g. ${e.examples[0]}` : ''}`);
    for (const l of s.listings ?? []) {
      lines.push(`  ${l.title} (${l.lines.length})`);
      for (const line of l.lines) lines.push(`    - ${line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Every error of every section, grouped by class (for BILAT_DEBUG=eval): the report keeps only
 * the largest classes and one example each.
 */
export function renderAllErrors(sections: EvalSection[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    const all = s.allErrors ?? s.errors ?? [];
    if (!all.length) continue;
    lines.push(`\n== ${s.title}`);
    for (const e of all) {
      lines.push(`-- ${e.class} (${e.count})`);
      for (const x of e.examples) lines.push(`   ${x}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runEval(root = PACKAGE_ROOT): Promise<EvalSection[]> {
  // ../shared next to the package; BILAT_SHARED points elsewhere (e.g. from a git worktree).
  const sharedPath = process.env.BILAT_SHARED ? resolve(process.env.BILAT_SHARED) : resolve(root, '..', 'shared');
  const ctx: EvalContext = { root, shared: existsSync(sharedPath) ? sharedPath : null, log: (l) => process.stderr.write(`${l}\n`) };
  const sections: EvalSection[] = [];
  // BILAT_EVAL=sample-events,plover-gsr runs only those evaluators (while working on one part).
  const only = new Set((process.env.BILAT_EVAL ?? '').split(',').map((x) => x.trim()).filter(Boolean));
  for (const load of EVALUATORS) {
    const evaluator = await load();
    if (only.size && !only.has(evaluator.id)) continue;
    ctx.log(`eval: ${evaluator.id}…`);
    sections.push(...(await evaluator.run(ctx)));
  }
  return sections;
}

async function cli(): Promise<void> {
  const sections = await runEval();
  process.stdout.write(renderReport(sections));
  if (/(^|,)\s*(eval|\*|all)\s*(,|$)/.test(process.env.BILAT_DEBUG ?? '')) process.stderr.write(renderAllErrors(sections));
  const outDir = join(PACKAGE_ROOT, 'eval');
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, 'results.json.tmp');
  writeFileSync(tmp, `${JSON.stringify({ sections: sections.map(({ allErrors: _all, ...rest }) => rest) }, null, 2)}\n`);
  renameSync(tmp, join(outDir, 'results.json'));
  process.stderr.write(`eval: wrote eval/results.json\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  await cli();
}
