import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFile } from '../ingest/load.js';
import { finalizeDocument } from '../ingest/document.js';
import { runPipeline, type PipelineContext } from '../pipeline.js';

/** One article of the sample corpus with its gold annotations and the pipeline's output. */
export interface SampleDoc<G> {
  file: string;
  /** `dev` (file names at even positions, 0-based, in sorted order) or `held-out` (odd). */
  split: 'dev' | 'held-out';
  gold: G;
  ctx: PipelineContext;
}

export const SPLITS = ['dev', 'held-out', 'all'] as const;
export type Split = (typeof SPLITS)[number];

/**
 * Run the pipeline over data/sample/articles and pair each document with its gold file. A feed
 * file's gold has `items`, paired with the feed's documents in order.
 */
export async function loadSample<G>(root: string): Promise<SampleDoc<G>[] | null> {
  const articles = join(root, 'data', 'sample', 'articles');
  const goldDir = join(root, 'data', 'sample', 'gold');
  if (!existsSync(articles) || !existsSync(goldDir)) return null;
  const files = readdirSync(articles).filter((f) => !f.startsWith('.')).sort();
  const out: SampleDoc<G>[] = [];
  for (const [i, file] of files.entries()) {
    const goldPath = join(goldDir, `${file}.json`);
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as G & { items?: G[]; published?: string | null };
    const loaded = await loadFile(join(articles, file));
    const split = i % 2 === 0 ? 'dev' : 'held-out';
    const golds = (gold.items ?? [gold]) as Array<G & { published?: string | null }>;
    loaded.documents.forEach((raw, k) => {
      const g = golds[k];
      if (!g) return;
      const doc = finalizeDocument(raw, { published: g.published ?? undefined });
      out.push({ file: golds.length > 1 ? `${file}#${k + 1}` : file, split, gold: g, ctx: runPipeline(doc) });
    });
  }
  return out;
}

export function inSplit<G>(docs: SampleDoc<G>[], split: Split): SampleDoc<G>[] {
  return split === 'all' ? docs : docs.filter((d) => d.split === split);
}

/** Precision, recall and F1 from counts (null when undefined). */
export function prf(tp: number, system: number, gold: number): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = system ? tp / system : null;
  const recall = gold ? tp / gold : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null || recall === null ? null : 0;
  return { precision, recall, f1 };
}

/** Collects error classes with a few examples each. */
export class ErrorClasses {
  private map = new Map<string, { count: number; examples: string[] }>();
  add(cls: string, example: string): void {
    const e = this.map.get(cls) ?? { count: 0, examples: [] };
    e.count++;
    if (e.examples.length < 3) e.examples.push(example.length > 160 ? `${example.slice(0, 157)}…` : example);
    this.map.set(cls, e);
  }
  top(n = 8): Array<{ class: string; count: number; examples: string[] }> {
    return [...this.map.entries()].map(([k, v]) => ({ class: k, ...v })).sort((a, b) => b.count - a.count).slice(0, n);
  }
}
