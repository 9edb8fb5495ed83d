import type { ParsingComponents, ParsingContext, ParsingResult } from 'chrono-node';
import type { DatePrecision } from '../../types.js';
import { isoDate } from '../../util/dates.js';
import { unitAround, type DateInterval, type Shift } from './calendar.js';

/**
 * What a Bilat parser knows about its match beyond chrono's components. It travels on the
 * chrono result as tags (`bilat/<key>=<value>`), chrono's own way of labelling results, so
 * chrono's refiners leave it alone.
 */
export interface DateMeta {
  /** Rule id, e.g. `dates/en/quarter`. */
  rule: string;
  precision: DatePrecision;
  /** The value was computed from the reference date ("last month", "yesterday"). */
  relative?: boolean;
  /** May move by whole years (`year`) or weeks (`week`) to follow the clause's tense. */
  flex?: 'year' | 'week';
  /** Explicit TimeML value when it is not derivable from the interval (PRESENT_REF…). */
  timex?: string;
  /**
   * The TimeML value is that of the whole unit of this precision around the value: TimeML writes
   * "the end of 2025" as 2025 (the part goes in its `mod`) where Bilat's value is December 2025.
   */
  timexPrecision?: DatePrecision;
  /** Shifted from an earlier date in the text ("a year earlier"); the value is the fallback from the reference. */
  shift?: Shift;
  /** With `shift`: keep the anchor's precision (`anchor`: "a year earlier") or use the unit's (`unit`: "the following year"). */
  shiftKeeps?: 'anchor' | 'unit';
  /** With `shift`: how far back an anchor may be, in sentences (0 = same sentence). */
  anchorScope?: number;
  /** With `shift`: only a reporting period (a whole month, quarter or half) is compared with. */
  anchorPeriod?: boolean;
  /** Refers back to the last date of this precision ("the quarter", "the year"); `period`: of any precision. */
  anaphor?: DatePrecision | 'period';
  /** With `anaphor`: the period named again, in this year ("the 1988 quarter"). */
  anaphorYear?: number;
  /** The interval was narrowed to part of its unit ("early", "mid-", "late", "earlier this"). */
  part?: string;
  /** TimeML season code (SP, SU, FA, WI) of a season ("last summer"). */
  season?: string;
  /** ISO weekday (Monday = 1) of "the previous Friday": the step lands on that weekday. */
  weekday?: number;
  /** The Saturday and Sunday of a week ("over the weekend"). */
  weekend?: boolean;
  /** Rule of a holiday (data/lexicon/date-holidays.txt): a year chosen later moves it to that year's day. */
  holiday?: string;
}

const PREFIX = 'bilat/';

/** Put the meta on a result as tags. */
export function markResult(result: ParsingResult, meta: DateMeta): ParsingResult {
  const tags: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    if (v === undefined || v === false) continue;
    tags.push(`${PREFIX}${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return result.addTags(tags);
}

/** Turn a chrono parser class name into a rule id: `ENMonthNameParser` → `dates/chrono/month-name`. */
function chronoRule(tags: Set<string>): string {
  for (const t of tags) {
    if (!t.startsWith('parser/')) continue;
    const name = t.slice(7).replace(/^EN/, '').replace(/Parser$/, '');
    return `dates/chrono/${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
  }
  return 'dates/chrono';
}

/** Read the meta of a result; results of chrono's own parsers get it from their components. */
export function readMeta(result: ParsingResult): DateMeta {
  const tags = result.tags();
  const own: Record<string, unknown> = {};
  for (const t of tags) {
    if (!t.startsWith(PREFIX)) continue;
    const eq = t.indexOf('=');
    const key = t.slice(PREFIX.length, eq);
    const raw = t.slice(eq + 1);
    own[key] = raw.startsWith('{') ? JSON.parse(raw) : raw === 'true' ? true : /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  if (typeof own.rule === 'string') return own as unknown as DateMeta;
  const s = result.start;
  const casual = [...tags].some((t) => t.startsWith('casualReference/') || t === 'parser/ENCasualDateParser' || t === 'result/relativeDate');
  const precision: DatePrecision =
    casual || s.isCertain('day') || s.isCertain('weekday') ? 'day' : s.isCertain('month') ? 'month' : 'year';
  const meta: DateMeta = { rule: chronoRule(tags), precision };
  if (casual) meta.relative = true;
  else if (s.isCertain('month') && !s.isCertain('year')) meta.flex = 'year';
  return meta;
}

export function dayFromComponents(c: ParsingComponents): string {
  return isoDate(c.get('year') ?? 1970, c.get('month') ?? 1, c.get('day') ?? 1);
}

/** The interval a result stands for. */
export function intervalOf(result: ParsingResult, meta: DateMeta): DateInterval {
  const startDay = dayFromComponents(result.start);
  const endDay = result.end ? dayFromComponents(result.end) : startDay;
  if (meta.timex || meta.season || meta.weekend || meta.timexPrecision) return { start: startDay, end: endDay, precision: meta.precision };
  return { start: unitAround(startDay, meta.precision).start, end: unitAround(endDay, meta.precision).end, precision: meta.precision };
}

/** The reference day of a parse (chrono holds it as local noon of that day). */
export function referenceDay(context: ParsingContext): string {
  const d = context.reference.instant;
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Which parts of the date the text states (the rest is implied by the reference). */
export interface Stated {
  year?: boolean;
  month?: boolean;
  day?: boolean;
}

function components(context: ParsingContext, iso: string, stated: Stated): ParsingComponents {
  const c = context.createParsingComponents();
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const put = (key: 'year' | 'month' | 'day', value: number, certain?: boolean): void => {
    if (certain) c.assign(key, value);
    else c.imply(key, value);
  };
  put('year', y, stated.year);
  put('month', m, stated.month);
  put('day', d, stated.day);
  return c;
}

/**
 * Build a chrono result for an interval found by a Bilat parser.
 *
 * @example createResult(context, match.index, match[0], { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' },
 *   { rule: 'dates/en/quarter', precision: 'quarter' }, { year: true })
 */
export function createResult(context: ParsingContext, index: number, text: string, value: DateInterval, meta: DateMeta, stated: Stated = {}): ParsingResult {
  const result = context.createParsingResult(index, text, components(context, value.start, stated), components(context, value.end, stated));
  return markResult(result, meta);
}

/** Replace the interval of a result in place (refiners), keeping which parts are stated. */
export function setInterval(context: ParsingContext, result: ParsingResult, value: DateInterval): void {
  const stated: Stated = { year: result.start.isCertain('year'), month: result.start.isCertain('month'), day: result.start.isCertain('day') };
  const tags = result.tags();
  result.start = components(context, value.start, stated).addTags(tags);
  result.end = components(context, value.end, stated).addTags(tags);
}
