import { alternation, dateLexicon } from '../lexicon.js';
import { createResult, referenceDay } from '../meta.js';
import { defineParser, unitFrom } from './define.js';

/**
 * Vague references to the present, past or future from data/lexicon/date-vague.txt: "now",
 * "currently", "recently", "in recent years", "the future", "soon". Their TimeML value is
 * PRESENT_REF, PAST_REF or FUTURE_REF; the interval is the publication day (present), the year
 * up to it (past) or the year from it (future). "the past two years" (a duration), "as soon
 * as" and "the future of …" are not dates.
 *
 * @example "Tourism is currently booming" → PRESENT_REF
 */
export const vagueReferenceParser = defineParser(
  () => new RegExp(`(${alternation(dateLexicon().vague.keys())})(?![\\p{L}\\p{N}-])`, 'iu'),
  (context, match) => {
    const phrase = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const timex = dateLexicon().vague.get(phrase);
    if (!timex) return null;
    const end = match.index! + match[0].length;
    const after = context.text.slice(end, end + 40);
    const before = context.text.slice(Math.max(0, match.index! - 4), match.index!);
    if (/past$/.test(phrase) && /^\s+(?:[\p{L}\d-]+\s+){0,2}?(?:days?|weeks?|months?|years?|decades?|quarters?|centur(?:y|ies)|summers?|winters?|seasons?)\b/iu.test(after)) return null;
    if (/future$/.test(phrase) && /^\s+of\b/i.test(after)) return null;
    if (phrase === 'soon' && (/as\s+$/i.test(before) || /^\s+as\b|^er\b/i.test(after))) return null;
    if (phrase === 'now' && /^[-–]/.test(after)) return null;
    if (phrase === 'current' && /^\s+(?:account|accounts|affairs|events|flows?|assets|liabilities|density|leader|president|chairman|minister|ambassador)\b|^-/i.test(after)) return null;
    if ((phrase === 'recent' || phrase === 'future') && /^-/.test(after)) return null;
    const ref = referenceDay(context);
    const value =
      timex === 'PRESENT_REF'
        ? { start: ref, end: ref, precision: 'day' as const }
        : timex === 'PAST_REF'
          ? { start: unitFrom(ref, 'year', -1).start, end: ref, precision: 'year' as const }
          : { start: ref, end: unitFrom(ref, 'year', 1).end, precision: 'year' as const };
    return createResult(context, match.index!, match[0], value, { rule: 'dates/en/vague-reference', precision: value.precision, relative: true, timex });
  },
);
