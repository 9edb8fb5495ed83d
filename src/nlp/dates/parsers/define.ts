import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import type { DatePrecision } from '../../../types.js';
import { addDays, unitAround, type DateInterval } from '../calendar.js';
import { addMonths } from '../calendar.js';

/** Characters that may not touch a match on the left (a match starts at a word boundary). */
const LEFT = '(?<![\\p{L}\\p{N}_$€£¥#])';

/**
 * A chrono parser from a pattern and an extract function. The pattern is anchored to a word
 * boundary on the left; it should end with its own right-hand check.
 *
 * @example defineParser(/Q([1-4])/, (context, match) => …)
 */
export function defineParser(pattern: RegExp | (() => RegExp), extract: (context: ParsingContext, match: RegExpMatchArray) => ParsingResult | null): Parser {
  let compiled: RegExp | null = null;
  return {
    pattern() {
      if (!compiled) {
        const inner = typeof pattern === 'function' ? pattern() : pattern;
        const flags = inner.flags.includes('u') ? inner.flags : `${inner.flags}u`;
        compiled = new RegExp(`${LEFT}(?:${inner.source})`, flags);
      }
      return compiled;
    },
    extract,
  };
}

/** Four-digit years the parsers accept. */
export const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';

/** Text of the context before a match, lower-cased previous word. */
export function previousWord(context: ParsingContext, index: number): string {
  const m = /([\p{L}\p{N}.'’-]+)[\s,]*$/u.exec(context.text.slice(Math.max(0, index - 40), index));
  return m ? m[1]! : '';
}

/** The word right after a match, as written. */
export function nextWord(context: ParsingContext, end: number): string {
  const m = /^\s+([\p{L}\p{N}'’-]+)/u.exec(context.text.slice(end, end + 40));
  return m ? m[1]! : '';
}

/** A two-digit year read against the reference year: the closest such year not after ref + 10. */
export function fullYear(twoDigits: number, refYear: number): number {
  const century = Math.floor(refYear / 100) * 100;
  const y = century + twoDigits;
  return y > refYear + 10 ? y - 100 : y;
}

/** Move a day by whole units of a precision (weeks, months, quarters, years, decades). */
export function stepDay(iso: string, precision: DatePrecision, n: number): string {
  switch (precision) {
    case 'day':
      return addDays(iso, n);
    case 'week':
      return addDays(iso, 7 * n);
    case 'month':
      return addMonths(iso, n);
    case 'quarter':
      return addMonths(iso, 3 * n);
    case 'half':
      return addMonths(iso, 6 * n);
    case 'year':
      return addMonths(iso, 12 * n);
    case 'decade':
      return addMonths(iso, 120 * n);
  }
}

/** The unit of a precision n units away from a day. */
export function unitFrom(iso: string, precision: DatePrecision, n: number): DateInterval {
  return unitAround(stepDay(iso, precision, n), precision);
}

export const UNIT_PRECISION: Record<string, DatePrecision> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'decade',
};

/** True when a period is followed by "of" + something that is not a year ("the first half of the match"). */
export function ofSomethingElse(context: ParsingContext, match: RegExpMatchArray): boolean {
  return /^\s+of\s/i.test(context.text.slice(match.index! + match[0].length, match.index! + match[0].length + 5));
}
