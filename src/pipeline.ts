import type { Document, EventRecord, Extraction, QuoteRecord, Sentence, StatisticRecord } from './types.js';
import { splitSentences } from './nlp/sentences.js';
import { datesStage } from './nlp/dates/stage.js';
import { packageVersion } from './knowledge/paths.js';
import { silentDebug, type Debug } from './util/debug.js';
import { numbersStage } from './nlp/numbers/stage.js';
import { createActorsStage } from './extract/actors/index.js';
import { createEventsStage } from './extract/events/index.js';
import { statisticsStage } from './extract/statistics/stage.js';
import { quotesStage } from './extract/quotes/stage.js';
import type { Gazetteer } from './knowledge/gazetteer.js';

/** Stamped on stored documents so that a later version can tell what to re-extract. */
export const PIPELINE_VERSION = packageVersion();

/**
 * Everything the stages share for one document. Stages read what earlier stages left and add
 * their own records; later stages may refine earlier records (and say so in `rule`).
 */
export interface PipelineContext {
  doc: Document;
  sentences: Sentence[];
  /** Annotations keyed by stage id, for stages that feed later ones (actors, dates, numbers…). */
  annotations: Map<string, unknown>;
  events: EventRecord[];
  statistics: StatisticRecord[];
  quotes: QuoteRecord[];
  debug: Debug;
}

/** One step of the pipeline. */
export interface Stage {
  /** Stable id such as `nlp/sentences` or `extract/events`. */
  id: string;
  description: string;
  run(ctx: PipelineContext): void;
}

export const sentenceStage: Stage = {
  id: 'nlp/sentences',
  description: 'split the text into sentences with character offsets (wink-nlp plus news repairs)',
  run(ctx) {
    ctx.sentences = splitSentences(ctx.doc.text);
  },
};

export interface StageOptions {
  /** The gazetteer to use (default: bundled data plus BILAT_GAZETTEER folders), loaded on first use. */
  gazetteer?: () => Gazetteer;
}

/** The pipeline: an ordered list of stages. This list is the documentation. */
export function defaultStages(options: StageOptions = {}): Stage[] {
  return [sentenceStage, datesStage, numbersStage, createActorsStage(options.gazetteer), createEventsStage(options.gazetteer), statisticsStage, quotesStage];
}

export const STAGES: Stage[] = defaultStages();

export interface RunOptions {
  stages?: Stage[];
  debug?: Debug;
}

/** Run the stages over a document and return the context they filled. */
export function runPipeline(doc: Document, options: RunOptions = {}): PipelineContext {
  const ctx: PipelineContext = {
    doc,
    sentences: [],
    annotations: new Map(),
    events: [],
    statistics: [],
    quotes: [],
    debug: options.debug ?? silentDebug,
  };
  for (const stage of options.stages ?? STAGES) stage.run(ctx);
  return ctx;
}

/** The extraction JSON contract (PRODUCT.md) for a processed document. */
export function toExtraction(ctx: PipelineContext): Extraction {
  const d = ctx.doc;
  return {
    document: {
      id: d.id,
      title: d.title,
      url: d.url,
      outlet: d.outlet,
      published: d.published,
      published_source: d.published_source,
      source_path: d.source_path,
      sentences: ctx.sentences.length,
      words: d.word_count,
    },
    events: ctx.events,
    statistics: ctx.statistics,
    quotes: ctx.quotes,
  };
}

/** A document processor with the default stages, for ingest and workers. */
export function createExtractor(options: RunOptions = {}): (doc: Document) => PipelineContext {
  return (doc) => runPipeline(doc, options);
}
