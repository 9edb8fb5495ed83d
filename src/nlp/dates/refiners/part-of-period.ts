import type { Refiner } from 'chrono-node';
import { markResult, readMeta } from '../meta.js';

const PREFIX = /(?:\b(early|mid|middle|late|earlier|later)(?:\s+in)?(?:\s+|-)|\b(?:the\s+)?(beginning|start|middle|end|close)\s+of\s+|\b(end|mid)-)$/i;
const PART: Record<string, string> = { early: 'early', beginning: 'start', start: 'start', mid: 'mid', middle: 'mid', late: 'late', end: 'end', close: 'end', earlier: 'earlier', later: 'later' };

/**
 * Take in a modifier that names part of a period: "mid-December", "early March", "late 2024",
 * "the end of the year", "end-2026", "earlier this month", "later this year". The span grows
 * to include it and the result is marked with the part; mention-refiners/narrow-part.ts
 * narrows the interval once its value is final.
 *
 * @example "mid-December" → text "mid-December", part "mid"
 */
export const partOfPeriodRefiner: Refiner = {
  refine(context, results) {
    for (const r of results) {
      const m = PREFIX.exec(context.text.slice(Math.max(0, r.index - 30), r.index));
      if (!m) continue;
      const meta = readMeta(r);
      if (meta.timex) continue;
      const word = (m[1] ?? m[2] ?? m[3])!.toLowerCase();
      r.index -= m[0].length;
      r.text = m[0] + r.text;
      markResult(r, { ...meta, part: PART[word]!, rule: `${meta.rule}+dates/en/part-of-period` });
    }
    return results;
  },
};
