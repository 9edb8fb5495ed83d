import type { Refiner } from 'chrono-node';
import { MONTHS } from '../../../util/dates.js';
import { dateLexicon } from '../lexicon.js';
import { readMeta } from '../meta.js';

const MONTH_WORD = new RegExp(`\\b(${Object.keys(MONTHS).join('|')})\\b`, 'i');

/**
 * Drop month names that are ordinary words: a month written in lower case ("they may meet",
 * "protesters march"), and an ambiguous month (May, March, April, June, August) standing alone
 * — no day, no year — unless a temporal word such as "in", "since" or "early" comes first or it
 * is possessive ("Theresa May said" is not a date; "in May" and "May's figures" are).
 *
 * @example "Protesters march on Sunday" → only "Sunday"
 */
export const monthWordFilter: Refiner = {
  refine(context, results) {
    const lex = dateLexicon();
    return results.filter((r) => {
      if (!r.tags().has('parser/ENMonthNameParser') && !r.tags().has('parser/ENMonthNameMiddleEndianParser') && !r.tags().has('parser/ENMonthNameLittleEndianParser')) return true;
      const word = MONTH_WORD.exec(r.text)?.[1];
      if (!word) return true;
      if (word === word.toLowerCase()) return false;
      const meta = readMeta(r);
      if (meta.precision !== 'month' || r.start.isCertain('year')) return true;
      if (!lex.ambiguousMonths.has(word)) return true;
      const prev = /([\p{L}-]+)[\s,]*$/u.exec(context.text.slice(Math.max(0, r.index - 20), r.index))?.[1] ?? '';
      // "May's 297,924 departures": a possessive month is the month (names are stoplisted).
      const possessive = /^['’]s\b/.test(context.text.slice(r.index + r.text.length, r.index + r.text.length + 3));
      return possessive || lex.prepositions.has(prev.toLowerCase()) || /^(?:mid|early|late)-?$/i.test(prev);
    });
  },
};
