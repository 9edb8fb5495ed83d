import { shiftInterval } from '../calendar.js';
import type { Candidate, MentionRefiner } from '../candidate.js';

const BETWEEN = /^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$/i;

function joinable(c: Candidate): boolean {
  return !c.meta.timex && !c.meta.shift && !c.meta.anaphor;
}

/**
 * Join two dates into one interval: "from November to January", "between March and May",
 * "from 2016 to 2018", "March–May" — two dates of the same precision. A range that crosses a
 * year boundary ends after it starts: the end moves a year forward (or a yearless start a
 * year back).
 *
 * @example "from November to January" (ref 2025-02-10) → 2024-11-01…2025-01-31
 */
export const mergeRange: MentionRefiner = {
  id: 'dates/en/range',
  refine(candidates, doc) {
    const out: Candidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const b = candidates[i + 1];
      if (!b || a.sentenceIndex !== b.sentenceIndex || !joinable(a) || !joinable(b)) {
        out.push(a);
        continue;
      }
      const between = doc.text.slice(a.end, b.start);
      const before = doc.text.slice(Math.max(0, a.start - 9), a.start);
      const andOk = !/and/i.test(between) || /\bbetween\s+$/i.test(before);
      if (!BETWEEN.test(between) || !andOk || a.value.precision !== b.value.precision) {
        out.push(a);
        continue;
      }
      let first = a.value;
      let second = b.value;
      const why: string[] = [];
      if (b.meta.flex === 'year') {
        second = shiftInterval(second, { years: Number(first.start.slice(0, 4)) - Number(second.start.slice(0, 4)) });
        while (second.end < first.start) second = shiftInterval(second, { years: 1 });
        if (second.start !== b.value.start) why.push(`end year taken from the start (${second.start.slice(0, 4)})`);
      } else if (a.meta.flex === 'year') {
        first = shiftInterval(first, { years: Number(second.start.slice(0, 4)) - Number(first.start.slice(0, 4)) });
        while (first.start > second.end) first = shiftInterval(first, { years: -1 });
        if (first.start !== a.value.start) why.push(`start year taken from the end (${first.start.slice(0, 4)})`);
      }
      if (second.end < first.start) {
        out.push(a);
        continue;
      }
      const precision = first.precision;
      const start = /\b(?:from|between)\s+$/i.exec(before) ? a.start - /\b(?:from|between)\s+$/i.exec(before)![0].length : a.start;
      const bothFlex = a.meta.flex === 'year' && b.meta.flex === 'year';
      out.push({
        start,
        end: b.end,
        text: doc.text.slice(start, b.end),
        sentenceIndex: a.sentenceIndex,
        value: { start: first.start, end: second.end, precision },
        meta: { rule: 'dates/en/range', precision, flex: bothFlex ? 'year' : undefined, relative: a.meta.relative || b.meta.relative },
        stated: a.stated && b.stated,
        needsReference: bothFlex || (a.needsReference && b.needsReference) || Boolean(a.meta.relative || b.meta.relative),
        rules: [...a.rules, ...b.rules, 'dates/en/range'],
        why: [...a.why, ...b.why, `range of "${a.text}" and "${b.text}"`, ...why],
      });
      i++;
    }
    return out;
  },
};
