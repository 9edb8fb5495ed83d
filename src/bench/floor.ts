import { splitSentences } from '../nlp/sentences.js';
import { corpusDocuments } from './corpus.js';

export interface FloorResult {
  wallMs: number;
  cpuMs: number;
  documents: number;
  words: number;
  sentences: number;
}

/**
 * The floor: read, parse and settle every document of the corpus and split it into sentences,
 * in one thread with no extraction and no database. Full ingest is measured against it.
 */
export async function measureFloor(files: string[]): Promise<FloorResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let documents = 0;
  let words = 0;
  let sentences = 0;
  for await (const doc of corpusDocuments(files)) {
    documents++;
    words += doc.word_count;
    sentences += splitSentences(doc.text).length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), documents, words, sentences };
}
