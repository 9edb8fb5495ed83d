import { isoDate } from '../../../util/dates.js';

/** How a period's year was given: "of 2024", "of last year", or not at all. */
export interface YearSpec {
  year: number;
  /** The text gives the year in digits. */
  stated: boolean;
  /** The year came from the reference date ("of this year"). */
  relative: boolean;
  /** No year at all: tense decides ("the third quarter"). */
  flex: boolean;
}

/** Regex source for "of <year>" phrases after a period; group 1: digits, group 2: relative word. */
export const YEAR_SPEC = '\\s+of\\s+(?:(?:the\\s+)?(?:fiscal\\s+|calendar\\s+)?((?:1[89]|20)\\d\\d)|(the|this|last|next|the\\s+current|the\\s+previous|the\\s+following)\\s+year)';

/**
 * Regex source for a year before a period; group 1: digits ("the 1988 third quarter"), group 2:
 * relative word ("this year's first half"). Also takes a plain "the".
 */
export const YEAR_PREFIX = "(?:[Tt]he\\s+((?:1[89]|20)\\d\\d)\\s+|([Tt]his|[Ll]ast|[Nn]ext)\\s+year['’]s\\s+|[Tt]he\\s+)?";

/** Resolve the year of a period from the groups of YEAR_SPEC (or a trailing year) and the reference day. */
export function resolveYearSpec(digits: string | undefined, relative: string | undefined, refDay: string): YearSpec {
  const refYear = Number(refDay.slice(0, 4));
  if (digits) return { year: Number(digits), stated: true, relative: false, flex: false };
  if (relative) {
    const word = relative.toLowerCase().replace(/\s+/g, ' ');
    const offset = word === 'last' || word === 'the previous' ? -1 : word === 'next' || word === 'the following' ? 1 : 0;
    return { year: refYear + offset, stated: false, relative: true, flex: false };
  }
  return { year: refYear, stated: false, relative: false, flex: true };
}

export function firstDayOf(year: number, month: number): string {
  return isoDate(year, month, 1);
}
