import * as chrono from 'chrono-node';
import type { Chrono, Parser, Refiner } from 'chrono-node';
import type { MentionRefiner } from './candidate.js';
import { adjacentPeriodParser } from './parsers/adjacent-period.js';
import { agoParser } from './parsers/ago.js';
import { monthModifierParser } from './parsers/month-modifier.js';
import { seasonParser } from './parsers/season.js';
import { spelledYearParser } from './parsers/spelled-year.js';
import { weekendParser } from './parsers/weekend.js';
import { yearEndParser } from './parsers/year-end.js';
import { thisMorningParser } from './parsers/this-morning.js';
import { holidayParser } from './parsers/holiday.js';
import { anaphoricPeriodParser } from './parsers/anaphoric-period.js';
import { countedShiftParser } from './parsers/counted-shift.js';
import { decadeParser } from './parsers/decade.js';
import { halfParser } from './parsers/half.js';
import { quarterCodeParser } from './parsers/quarter-code.js';
import { quarterParser } from './parsers/quarter.js';
import { relativePeriodParser } from './parsers/relative-period.js';
import { samePeriodParser } from './parsers/same-period.js';
import { vagueReferenceParser } from './parsers/vague-reference.js';
import { weekdayParser } from './parsers/weekday.js';
import { yearRangeParser } from './parsers/year-range.js';
import { yearParser } from './parsers/year.js';
import { invalidDateFilter } from './refiners/invalid-date-filter.js';
import { monthWordFilter } from './refiners/month-word-filter.js';
import { partOfPeriodRefiner } from './refiners/part-of-period.js';
import { slashDateFilter } from './refiners/slash-date-filter.js';
import { stoplistFilter } from './refiners/stoplist-filter.js';
import { weekdayDateMerge } from './refiners/weekday-date-merge.js';
import { dropUnresolved } from './mention-refiners/drop-unresolved.js';
import { mergeRange } from './mention-refiners/merge-range.js';
import { narrowPart } from './mention-refiners/narrow-part.js';
import { resolveAnaphor } from './mention-refiners/resolve-anaphor.js';
import { resolveAnchor } from './mention-refiners/resolve-anchor.js';
import { resolveTense } from './mention-refiners/resolve-tense.js';

/**
 * The date resolver's configuration, as plain lists in the order they run (chrono's own
 * design): Bilat's parsers, then the chrono parsers kept, then chrono's refiners and Bilat's,
 * then the mention refiners that see the whole document.
 */

/** Bilat's parsers, for news phrasing chrono misses. Listed first: at equal length they win. */
export const PARSERS: Parser[] = [
  vagueReferenceParser, // now, recently, in the future
  weekdayParser, // on Thursday, last Friday
  quarterParser, // the third quarter (of 2024)
  quarterCodeParser, // Q3 2024
  halfParser, // the first half
  yearRangeParser, // 2016-17
  decadeParser, // the 1990s
  yearParser, // in 2016
  relativePeriodParser, // last month, this week
  agoParser, // two years ago
  countedShiftParser, // a year earlier
  samePeriodParser, // the same period a year earlier
  adjacentPeriodParser, // the following day
  anaphoricPeriodParser, // the quarter
  monthModifierParser, // last November, June last year
  seasonParser, // last fall
  weekendParser, // over the weekend
  yearEndParser, // year-end
  thisMorningParser, // this morning
  holidayParser, // Christmas, the Lunar New Year
  spelledYearParser, // nineteen ninety-six
];

/**
 * chrono-node's English parsers kept, by class name: full and numeric dates, month names,
 * today/yesterday/tomorrow. Dropped: times of day, durations ("for 30 days", "within 3 days"),
 * chrono's weekday, relative and "ago" parsers (Bilat's give precision and tense).
 */
export const CHRONO_PARSERS = [
  'ENYearMonthDayParser', // 2026-01-05, 2026/1/5
  'ISOFormatParser', // 2026-01-05T09:00:00Z
  'SlashDateFormatParser', // 1/5/2026
  'ENMonthNameLittleEndianParser', // 5 January 2026
  'ENMonthNameMiddleEndianParser', // Jan. 5, January 5, 2026
  'ENSlashMonthFormatParser', // 1/2026
  'ENYearMonthNameParser', // 2026 January
  'ENCasualDateParser', // today, yesterday, tomorrow, tonight
  'ENMonthNameParser', // in March, March 2024
];

/**
 * chrono-node's refiners dropped: ranges are joined by mergeRange, period ends by
 * partOfPeriodRefiner; UnlikelyFormatFilter would drop bare years ("in 2016") and
 * ENUnlikelyFormatFilter keeps "May" only after "in" (monthWordFilter decides instead);
 * ENMergeDateTimeRefiner would take Bilat's relative results for times of day (no time parser is kept).
 */
export const CHRONO_REFINERS_DROPPED = ['ENMergeDateRangeRefiner', 'ENEndOfPeriodRefiner', 'UnlikelyFormatFilter', 'ENUnlikelyFormatFilter', 'ENMergeDateTimeRefiner'];

/** Bilat's refiners, after chrono's. */
export const REFINERS: Refiner[] = [
  invalidDateFilter, // Sept. 31
  stoplistFilter, // Good Friday, Sunday Times
  monthWordFilter, // "they may", "Theresa May"
  slashDateFilter, // 3/4 of voters
  weekdayDateMerge, // Thursday, Jan. 5
  partOfPeriodRefiner, // mid-December, late 2024
];

/** Refiners over all the dates of a document, in order. */
export const MENTION_REFINERS: MentionRefiner[] = [
  mergeRange, // from November to January
  resolveTense, // met on Thursday / will meet on Thursday
  resolveAnaphor, // the quarter
  narrowPart, // mid-December → 11–20 December
  resolveAnchor, // a year earlier (than the final value of the date it compares with)
  dropUnresolved, // no publication date: drop relative dates
];

let instance: Chrono | null = null;

/**
 * A chrono parser whose results carry its class name (chrono tags only some), for rule ids.
 * Its pattern is built once: the English parsers kept do not vary it by context, and some
 * would otherwise compile it again on every call.
 */
function labelled(parser: Parser): Parser {
  const tag = `parser/${className(parser)}`;
  let pattern: RegExp | null = null;
  return {
    pattern: (context) => (pattern ??= parser.pattern(context)),
    extract(context, match) {
      const out = parser.extract(context, match);
      if (!out) return null;
      if (out instanceof chrono.ParsingResult || out instanceof chrono.ParsingComponents) return out.addTag(tag);
      return context.createParsingComponents(out).addTag(tag);
    },
  };
}

function className(x: object): string {
  return x.constructor.name;
}

/** The configured chrono instance, built once and reused. */
export function dateParser(): Chrono {
  if (instance) return instance;
  const c = chrono.casual.clone();
  const kept = c.parsers.filter((p) => CHRONO_PARSERS.includes(className(p)));
  const missing = CHRONO_PARSERS.filter((name) => !kept.some((p) => className(p) === name));
  if (missing.length) throw new Error(`chrono-node no longer has parsers ${missing.join(', ')}`);
  c.parsers = [...PARSERS, ...kept.map(labelled)];
  c.refiners = [...c.refiners.filter((r) => !CHRONO_REFINERS_DROPPED.includes(className(r))), ...REFINERS];
  instance = c;
  return c;
}
