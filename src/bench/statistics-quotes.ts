import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitSentences } from '../nlp/sentences.js';
import { numbersStage } from '../nlp/numbers/stage.js';
import { statisticsStage } from '../extract/statistics/stage.js';
import { quotesStage } from '../extract/quotes/stage.js';
import { STAGES, runPipeline, type PipelineContext, type Stage } from '../pipeline.js';
import { makeDoc } from '../testing/make-doc.js';
import { silentDebug } from '../util/debug.js';

/** Bodies of Reuters-21578 stories (SGML), tags stripped and entities decoded. */
export function reutersBodies(dir: string, maxFiles = Infinity): string[] {
  const out: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.sgm')).sort().slice(0, maxFiles);
  for (const f of files) {
    const sgml = readFileSync(join(dir, f), 'latin1');
    for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const body = m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#\d+;/g, ' ').replace(/\s*Reuter\s*$/, '').trim();
      if (body) out.push(body);
    }
  }
  return out;
}

export interface StageSpeed {
  stage: string;
  words: number;
  seconds: number;
  wordsPerSecond: number;
  records: number;
}

/** Words per second of each stage over already-split documents (sentence splitting is not timed). */
export function benchStages(texts: string[], stages: Array<{ name: string; stages: Stage[]; count: (ctx: PipelineContext) => number }>): StageSpeed[] {
  const contexts = texts.map((text) => {
    const doc = makeDoc(text, '1987-03-01');
    return { doc, sentences: splitSentences(text) };
  });
  const words = contexts.reduce((n, c) => n + c.doc.word_count, 0);
  return stages.map(({ name, stages: list, count }) => {
    let records = 0;
    const t0 = process.hrtime.bigint();
    for (const c of contexts) {
      const ctx: PipelineContext = { doc: c.doc, sentences: c.sentences, annotations: new Map(), events: [], statistics: [], quotes: [], debug: silentDebug };
      for (const s of list) s.run(ctx);
      records += count(ctx);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { stage: name, words, seconds, wordsPerSecond: words / seconds, records };
  });
}

async function cli(): Promise<void> {
  const dir = process.argv[2] ?? resolve('..', 'shared', 'bench', 'reuters21578');
  if (!existsSync(dir)) {
    process.stderr.write(`bench: ${dir} not found\n`);
    process.exit(1);
  }
  const texts = reutersBodies(dir);
  const results = benchStages(texts, [
    { name: 'nlp/numbers + extract/statistics', stages: [numbersStage, statisticsStage], count: (c) => c.statistics.length },
    { name: 'extract/quotes', stages: [quotesStage], count: (c) => c.quotes.length },
    { name: 'all three', stages: [numbersStage, statisticsStage, quotesStage], count: (c) => c.statistics.length + c.quotes.length },
  ]);
  // The whole pipeline as registered, sentence splitting included.
  const docs = texts.map((t) => makeDoc(t, '1987-03-01'));
  const words = docs.reduce((n, d) => n + d.word_count, 0);
  const t0 = process.hrtime.bigint();
  for (const d of docs) runPipeline(d);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  results.push({ stage: `pipeline (${STAGES.map((s) => s.id).join(', ')})`, words, seconds, wordsPerSecond: words / seconds, records: 0 });
  process.stdout.write(`${texts.length} Reuters stories\n`);
  for (const r of results) process.stdout.write(`${r.stage.padEnd(36)} ${Math.round(r.wordsPerSecond).toLocaleString('en')} words/s  (${r.words.toLocaleString('en')} words, ${r.seconds.toFixed(2)} s, ${r.records} records)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await cli();
