import { ANNOTATION_KEYS, type DateMention } from '../annotations.js';
import type { Stage } from '../pipeline.js';
import type { DatePrecision } from '../types.js';

export interface FixedDate {
  text: string;
  start: string;
  end?: string;
  precision: DatePrecision;
  source?: 'stated' | 'inferred';
  /** TimeML value, e.g. `PAST_REF` for "recently". */
  timex?: string;
}

/**
 * A stand-in for `nlp/dates` in unit tests of later stages: the given expressions, found in the
 * text and resolved to the given values, so those tests do not depend on the date resolver.
 */
export function fixedDatesStage(dates: FixedDate[]): Stage {
  return {
    id: 'test/fixed-dates',
    description: 'date mentions given by the test',
    run(ctx) {
      const out: DateMention[] = [];
      for (const d of dates) {
        let from = 0;
        let at: number;
        while ((at = ctx.doc.text.indexOf(d.text, from)) >= 0) {
          const sentence = ctx.sentences.find((s) => at >= s.start && at < s.end);
          out.push({ start: at, end: at + d.text.length, text: d.text, value: { start: d.start, end: d.end ?? d.start, precision: d.precision }, source: d.source ?? 'stated', rule: 'test', sentenceIndex: sentence?.index ?? 0, ...(d.timex ? { timex: d.timex } : {}) });
          from = at + d.text.length;
        }
      }
      ctx.annotations.set(ANNOTATION_KEYS.dates, out.sort((a, b) => a.start - b.start));
    },
  };
}
