import type { Refiner } from 'chrono-node';
import { countPattern, countValue } from '../lexicon.js';
import { markResult, readMeta } from '../meta.js';

const PREFIX = /(?:\b(early|mid|middle|late|earlier|later)(?:\s+in)?(?:\s+|-)|\b(?:the\s+)?(beginning|start|middle|end|close)\s+of\s+|\b(end|mid)-)$/i;
const PART: Record<string, string> = { early: 'early', beginning: 'start', start: 'start', mid: 'mid', middle: 'mid', late: 'late', end: 'end', close: 'end', earlier: 'earlier', later: 'later' };

let counted: RegExp | null = null;

/** "the first nine months of", "the last two weeks of", "the final three months of". */
function countedPrefix(): RegExp {
  counted ??= new RegExp(`\\b(?:the\\s+)?(first|last|final|opening|closing)\\s+(${countPattern()})\\s+(days|weeks|months|quarters)\\s+of\\s+$`, 'i');
  return counted;
}

/**
 * Take in a modifier that names part of a period: "mid-December", "early March", "late 2024",
 * "the end of the year", "end-2026", "earlier this month", "later this year", and counted
 * parts, "the first nine months of 2024", "the last two weeks of March". The span grows to
 * include it and the result is marked with the part (`first 9 month` for a counted one);
 * mention-refiners/narrow-part.ts narrows the interval once its value is final.
 *
 * @example "mid-December" → text "mid-December", part "mid"
 */
export const partOfPeriodRefiner: Refiner = {
  refine(context, results) {
    for (const r of results) {
      if (r.index === 0) continue;
      const before = context.text.slice(Math.max(0, r.index - 40), r.index);
      let part: string | null = null;
      let length = 0;
      const m = PREFIX.exec(before);
      if (m) {
        part = PART[(m[1] ?? m[2] ?? m[3])!.toLowerCase()]!;
        length = m[0].length;
      } else {
        const c = /(?:days|weeks|months|quarters)\s+of\s+$/i.test(before) ? countedPrefix().exec(before) : null;
        const n = c ? countValue(c[2]!) : null;
        if (!c || !n || n < 2) continue;
        part = `${/^(first|opening)$/i.test(c[1]!) ? 'first' : 'last'} ${n} ${c[3]!.toLowerCase().replace(/s$/, '')}`;
        length = c[0].length;
      }
      const meta = readMeta(r);
      if (meta.timex || meta.part) continue;
      r.index -= length;
      r.text = before.slice(before.length - length) + r.text;
      markResult(r, { ...meta, part, rule: `${meta.rule}+dates/en/part-of-period` });
    }
    return results;
  },
};
