import type { Stage } from '../../pipeline.js';
import { ANNOTATION_KEYS, getActors } from '../../annotations.js';
import type { DateMention } from '../../annotations.js';
import { numbersStage, getNumbers } from '../../nlp/numbers/stage.js';
import { extractStatistics } from './extract-statistics.js';

/**
 * `extract/statistics`: numbers that are values of their own, with unit, measure, period and
 * change, arithmetic checked. Reads the `numbers` annotation (running number recognition itself
 * when `nlp/numbers` has not run), `dates` when the date stage ran, and `actors` for subjects.
 */
export const statisticsStage: Stage = {
  id: 'extract/statistics',
  description: 'statistics: value, unit, measure, period, change and arithmetic checks, with evidence',
  run(ctx) {
    if (!ctx.annotations.has(ANNOTATION_KEYS.numbers)) numbersStage.run(ctx);
    const numbers = getNumbers(ctx.annotations);
    if (!numbers.length) return;
    const dates = ctx.annotations.has(ANNOTATION_KEYS.dates) ? (ctx.annotations.get(ANNOTATION_KEYS.dates) as DateMention[]) : null;
    ctx.statistics.push(...extractStatistics({ doc: ctx.doc, sentences: ctx.sentences, numbers, dates, actors: getActors(ctx), log: ctx.debug.topic('statistics') }));
  },
};
