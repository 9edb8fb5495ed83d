import type { DatePrecision } from '../../../types.js';
import { addDays, distanceTo, shiftInterval } from '../calendar.js';
import type { Candidate, MentionRefiner } from '../candidate.js';

const BETWEEN = /^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$/i;
const UNTIL = /^\s*(?:to|until|till|through|thru)\s*$/i;
const ORDER: DatePrecision[] = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];
/** Periods that "and" joins into one when they follow each other. */
const COORDINATED: DatePrecision[] = ['month', 'quarter', 'half', 'year'];

function joinable(c: Candidate): boolean {
  return !c.meta.timex && !c.meta.shift && !c.meta.anaphor;
}

/**
 * Join two dates into one interval: "from November to January", "between March and May",
 * "from 2016 to 2018", "March–May", and consecutive months, quarters or years joined by "and"
 * ("in 2025 and 2026", "in late October and early November": March and May stay two
 * dates) — two dates of the same precision, or a date and the end
 * of a longer period ("from Nov. 8 until the end of next year" runs to its last day, at the
 * start's precision). A range that crosses a year boundary ends after it starts: a yearless
 * end moves a year forward; a yearless start before a dated end takes the end's year or the
 * one before, whichever is nearer publication.
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
      // "2025 and 2026", "late October and early November": consecutive periods joined by "and".
      const coordinated = /and/i.test(between) && !/\bbetween\s+$/i.test(before);
      const andOk = !coordinated || COORDINATED.includes(a.value.precision);
      // "from Nov. 8 until the end of next year": a start up to the last day of a period.
      // The start must be marked as one ("from", "since"): "extended in November until the end of 2026" is no range.
      const untilEnd = b.meta.part === 'end' && UNTIL.test(between) && /\b(?:from|since)\s+$/i.test(before) && ORDER.indexOf(a.value.precision) < ORDER.indexOf(b.value.precision);
      if (!BETWEEN.test(between) || !andOk || (a.value.precision !== b.value.precision && !untilEnd)) {
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
        // The end's year or the one before, whichever starts the range nearer publication:
        // "from Nov. 8 until Dec. 31, 2025" published on 1 November 2024 starts on 8 November 2024.
        const sameYear = shiftInterval(first, { years: Number(second.start.slice(0, 4)) - Number(first.start.slice(0, 4)) });
        const options = [sameYear, shiftInterval(sameYear, { years: -1 }), shiftInterval(sameYear, { years: -2 })].filter((o) => o.start <= second.end);
        first = doc.reference && options.length > 1 && distanceTo(doc.reference, options[1]!) < distanceTo(doc.reference, options[0]!) ? options[1]! : (options[0] ?? first);
        if (first.start !== a.value.start) why.push(`start year ${first.start.slice(0, 4)}, from the end's and publication`);
      }
      if (second.end < first.start || (coordinated && addDays(first.end, 1) !== second.start)) {
        out.push(a);
        continue;
      }
      const precision = first.precision;
      if (untilEnd) why.push(`until the end of "${b.text.replace(/^.*?\bof\s+/i, '')}"`);
      const lead = /\b(?:from|between|since)\s+$/i.exec(before);
      const start = lead && (untilEnd || !/^since/i.test(lead[0])) ? a.start - lead[0].length : a.start;
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
