import type { Stage } from '../../pipeline.js';
import { ANNOTATION_KEYS } from '../../annotations.js';
import { findNumbers, mayHaveNumber } from './find-numbers.js';
import type { NumberMention } from './mention.js';

/** Numbers of every sentence, normalised; rejected ones (years, dates, phone numbers…) keep their reason. */
export const numbersStage: Stage = {
  id: 'nlp/numbers',
  description: 'find and normalise numbers (exact values, units, hedges, ranges); mark years, dates, phone numbers… as not statistics',
  run(ctx) {
    const log = ctx.debug.topic('numbers');
    const out: NumberMention[] = [];
    for (const s of ctx.sentences) {
      if (!mayHaveNumber(s.text)) continue;
      for (const m of findNumbers(s.text, { offset: s.start, sentenceIndex: s.index })) {
        out.push(m);
        if (log) {
          const extra = `${m.hedge ? ` (hedge "${m.hedge}": ${m.hedgeKind})` : ''}${m.range ? ` (range ${m.range.low}…${m.range.high})` : ''}${m.kind === 'multiplier' ? ' (ratio)' : ''}`;
          log(m.rejected ? `rejected ${m.text}: ${m.rejected}` : `number ${m.text} = ${m.value}${m.unit ? ` ${m.unit}` : ''}${extra}`, { sentence: s.index });
        }
      }
    }
    ctx.annotations.set(ANNOTATION_KEYS.numbers, out);
  },
};

export function getNumbers(annotations: Map<string, unknown>): NumberMention[] {
  return (annotations.get(ANNOTATION_KEYS.numbers) as NumberMention[] | undefined) ?? [];
}
