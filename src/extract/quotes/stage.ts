import type { Stage } from '../../pipeline.js';
import { getActors, getPlaces } from '../../annotations.js';
import { extractQuotes } from './extract-quotes.js';

/**
 * `extract/quotes`: direct quotes and reported speech with speakers. Uses the `actors`
 * annotation (from `extract/actors`) to resolve speakers to actors with country and sector when
 * it ran, and falls back to names read from the attribution otherwise.
 */
export const quotesStage: Stage = {
  id: 'extract/quotes',
  description: 'quotes: direct and reported speech, speaker resolved (with coreference), source outlets apart',
  run(ctx) {
    ctx.quotes.push(...extractQuotes({ doc: ctx.doc, sentences: ctx.sentences, actors: getActors(ctx), places: getPlaces(ctx), log: ctx.debug.topic('quotes') }));
  },
};
