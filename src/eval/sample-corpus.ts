import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finalizeDocument } from '../ingest/document.js';
import { loadFile } from '../ingest/load.js';
import type { Document } from '../types.js';

/** A gold event (docs/gold-format.md). */
export interface GoldEvent {
  id: string;
  anchor: string;
  trigger: string;
  category: string;
  mode: string | null;
  actor: string[];
  recipient: string[];
  mutual: boolean;
  date: { value: string; precision: 'year' | 'quarter' | 'month' | 'day'; inferred?: boolean } | null;
  location: string | null;
  contexts: string[];
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  historical: boolean;
  required: boolean;
}

export interface GoldDocument {
  file: string;
  published: string | null;
  events: GoldEvent[];
  guid?: string;
}

export interface SampleArticle {
  /** Article file name; feed items get `#n`. */
  name: string;
  /** `dev` for file names at even positions (0, 2, 4… in sorted order), `held-out` for odd ones. */
  split: 'dev' | 'held-out';
  doc: Document;
  gold: GoldDocument;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The sample corpus with its gold, read the way `bilat ingest` reads it. Articles whose gold is
 * missing are skipped. Feed items are paired with gold items by their anchors.
 */
export async function loadSampleCorpus(articlesDir: string, goldDir: string): Promise<SampleArticle[]> {
  if (!existsSync(articlesDir) || !existsSync(goldDir)) return [];
  const files = readdirSync(articlesDir).filter((f) => !f.startsWith('.')).sort();
  const out: SampleArticle[] = [];
  for (const [i, file] of files.entries()) {
    const goldPath = join(goldDir, `${file}.json`);
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDocument & { items?: GoldDocument[] };
    const split = i % 2 === 0 ? 'dev' : 'held-out';
    const loaded = await loadFile(join(articlesDir, file));
    const docs = loaded.documents.map((raw) => finalizeDocument(raw, { published: gold.published ?? undefined, maxYear: 2100 }));
    if (!gold.items) {
      if (docs[0]) out.push({ name: file, split, doc: docs[0], gold });
      continue;
    }
    gold.items.forEach((item, k) => {
      const anchors = item.events.map((e) => norm(e.anchor));
      const doc = docs.find((d) => anchors.length > 0 && anchors.every((a) => norm(d.text).includes(a))) ?? docs[k];
      if (doc) out.push({ name: `${file}#${k + 1}`, split, doc, gold: item });
    });
  }
  return out;
}
