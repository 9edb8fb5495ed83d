import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finalizeDocument } from '../ingest/document.js';
import { loadFile } from '../ingest/load.js';
import { expandInputs } from '../ingest/sources.js';
import { splitSentences } from '../nlp/sentences.js';
import type { Document } from '../types.js';
import { mulberry32 } from '../util/random.js';

export interface Corpus {
  /** `reuters21578` or `generated`. */
  name: string;
  /** Where it came from, for the report. */
  source: string;
  files: string[];
  documents: number;
  bytes: number;
}

/** The `.sgm` files of a Reuters-21578 folder, in order; empty when the folder is absent. */
export function reutersFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sgm'))
    .sort()
    .map((f) => join(dir, f));
}

function bytesOf(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

/**
 * The Reuters corpus, or its first `limit` stories copied into `workDir` (same files, cut), so a
 * quick run reads the same kind of input.
 */
export function reutersCorpus(dir: string, workDir: string, limit = Infinity): Corpus {
  const all = reutersFiles(dir);
  if (limit === Infinity) return { name: 'reuters21578', source: dir, files: all, documents: countStories(all), bytes: bytesOf(all) };
  mkdirSync(workDir, { recursive: true });
  const files: string[] = [];
  let left = limit;
  for (const f of all) {
    if (left <= 0) break;
    const sgml = readFileSync(f, 'latin1');
    const stories = [...sgml.matchAll(/<REUTERS\b[\s\S]*?<\/REUTERS>/g)].slice(0, left).map((m) => m[0]);
    left -= stories.length;
    const out = join(workDir, f.split(/[\\/]/).pop()!);
    writeFileSync(out, `${stories.join('\n')}\n`, 'latin1');
    files.push(out);
  }
  return { name: 'reuters21578', source: `${dir} (first ${limit} stories)`, files, documents: limit - Math.max(0, left), bytes: bytesOf(files) };
}

function countStories(files: string[]): number {
  return files.reduce((n, f) => n + (readFileSync(f, 'latin1').match(/<REUTERS\b/g)?.length ?? 0), 0);
}

/** Sentences of the sample corpus, as the pipeline splits them. */
async function sampleSentences(sampleDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const file of expandInputs([sampleDir], process.cwd()).files) {
    const loaded = await loadFile(file);
    for (const raw of loaded.documents) {
      const doc = finalizeDocument(raw);
      for (const s of splitSentences(doc.text)) if (s.text.length > 30 && /[.!?]["”’]?$/.test(s.text)) out.push(s.text);
    }
  }
  return out;
}

/**
 * A corpus of `count` articles built by recombining sample-corpus sentences (seeded, so every
 * run reads the same text): 6–18 sentences in paragraphs of two or three, a publication date in
 * 2016–2026, written as JSON Lines files of 500 articles in `workDir`.
 */
export async function generatedCorpus(sampleDir: string, workDir: string, count: number, seed = 8): Promise<Corpus> {
  const pool = await sampleSentences(sampleDir);
  if (pool.length === 0) throw new Error(`no sentences found in ${sampleDir}`);
  mkdirSync(workDir, { recursive: true });
  const rand = mulberry32(seed);
  const pick = () => pool[Math.floor(rand() * pool.length)]!;
  const files: string[] = [];
  const perFile = 500;
  for (let start = 0; start < count; start += perFile) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + perFile); i++) {
      const n = 6 + Math.floor(rand() * 13);
      const paragraphs: string[] = [];
      for (let k = 0; k < n; ) {
        const size = Math.min(n - k, 2 + Math.floor(rand() * 2));
        paragraphs.push(Array.from({ length: size }, pick).join(' '));
        k += size;
      }
      const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 3800) * 86_400_000).toISOString().slice(0, 10);
      const title = pick().split(/\s+/).slice(0, 8).join(' ');
      lines.push(JSON.stringify({ title: `${title} (${i + 1})`, text: paragraphs.join('\n\n'), published: day, outlet: 'Bench Wire' }));
    }
    const file = join(workDir, `generated-${String(files.length).padStart(3, '0')}.jsonl`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  return { name: 'generated', source: `${count} articles recombined from ${sampleDir}`, files, documents: count, bytes: bytesOf(files) };
}

/** The corpus's documents as ingest settles them (read, parsed, normalised), one file at a time. */
export async function* corpusDocuments(files: string[]): AsyncGenerator<Document> {
  for (const file of files) {
    const loaded = await loadFile(file);
    for (const raw of loaded.documents) {
      try {
        yield finalizeDocument(raw);
      } catch {
        // Documents ingest would reject are not part of any measurement.
      }
    }
  }
}
