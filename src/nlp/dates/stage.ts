import { ANNOTATION_KEYS, getDates, type DateMention } from '../../annotations.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { resolveDates } from './resolve-dates.js';

/**
 * Pipeline stage `nlp/dates`: every date expression of the document, resolved against its
 * publication date, stored under `annotations.get('dates')`. `BILAT_DEBUG=dates` prints each
 * decision with its rule and reasons.
 */
export const datesStage: Stage = {
  id: 'nlp/dates',
  description: 'find date expressions and resolve them against the publication date (chrono-node plus news rules)',
  run(ctx) {
    const debug = ctx.debug.topic('dates');
    ctx.annotations.set(ANNOTATION_KEYS.dates, resolveDates(ctx.doc.text, { published: ctx.doc.published, sentences: ctx.sentences, debug }));
  },
};

/**
 * The dates of one sentence, in text order.
 *
 * @example datesInSentence(ctx, 0).map((d) => d.text) // → ['on Friday']
 */
export function datesInSentence(ctx: PipelineContext, sentenceIndex: number): DateMention[] {
  return getDates(ctx).filter((d) => d.sentenceIndex === sentenceIndex);
}
