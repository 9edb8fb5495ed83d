import type { DateMention, PlaceMention } from '../../annotations.js';
import type { DateValue, LocationRef } from '../../types.js';
import { dateLexicon } from '../../nlp/dates/lexicon.js';
import { addDays } from '../../util/dates.js';
import { tokenRange, type Structure } from './structure.js';

export interface Anchored {
  date: DateValue | null;
  why: string;
  /** "did not … until D": the event did happen, at D. */
  notUntil?: boolean;
  /** Dated relative to another occasion ("two days after …"): not the story's own day. */
  shifted?: boolean;
}

/**
 * Clauses whose dates can govern an event in clause `ci`: itself; then "when"/"as"/"while" clauses
 * hanging on it ("did not meet Pelosi when she stopped in Seoul last Thursday"); then the clauses
 * it hangs on, up to the main clause.
 */
function clauseChain(st: Structure, ci: number): number[] {
  const chain = [ci];
  const c0 = st.clauses[ci]!;
  for (const [k, c] of st.clauses.entries()) if (c.parent === ci && c.kind === 'sub' && TIME_OPENERS.has(c.opener ?? '')) chain.push(k);
  // "after China began letting South Koreans in and Yoon met Xi in Lima last month": a date at the
  // end of a conjunct joined by a bare "and" may scope over both conjuncts.
  for (const [k, c] of st.clauses.entries()) if (k === ci + 1 && c.parent === ci && c.kind === 'coord' && c.subject >= 0 && (c.opener === 'and' || c.opener === 'but') && st.toks[c.from - 1]?.text !== ',') chain.push(k);
  // A relative clause describes another occasion ("a summit that Japan is due to host"), unless it
  // is about the same occasion ("talks at which they agreed", "where they agreed").
  if (c0.kind === 'relative' && !(c0.opener === 'where' || c0.opener === 'when' || st.toks[c0.from - 1]?.pos === 'ADP')) return chain;
  for (let c = c0.parent; c >= 0; c = st.clauses[c]!.parent) {
    chain.push(c);
    // (an adjunct participle shares the "when" clause of the clause it hangs on)
    if (c0.kind === 'participle') for (const [k, w] of st.clauses.entries()) if (w.parent === c && k !== ci && w.kind === 'sub' && TIME_OPENERS.has(w.opener ?? '')) chain.push(k);
    if (chain.length > 6) break;
  }
  return chain;
}

const TIME_OPENERS = new Set(['when', 'as', 'while', 'whenever']);
/** Prepositions that make a date a deadline, duration or purpose ("until Dec. 31", "for 2026 to 2030"), not the event's date. */
const NOT_WHEN = new Set(['until', 'till', 'through', 'by', 'within', 'to', 'for', 'into']);
/** Words that introduce the date a measure takes effect ("from March 15", "starting Monday"). */
const EFFECTIVE = new Set(['from', 'starting', 'effective', 'beginning']);
/** Coordinators: a date before one of them belongs to the conjunct before it. */
const COORD = new Set(['and', 'or', 'but']);
const YEAR_ONLY = /^(?:last|this|next) year$|^the previous year$|^\d{4}$/;

/**
 * The event's date: the date expression in the cue's clause nearest to the cue (dates after another
 * verb belong to that verb; deadlines do not count); else one in the clauses it hangs on; else the
 * publication date, marked inferred. "Dec. 1 last year" takes the year of its neighbour.
 */
export function eventDate(st: Structure, dates: DateMention[], cueFrom: number, cueTo: number, ci: number, published: string | null, negated = false, otherCues: Array<[number, number]> = [], future = false, storyDay: string | null = null): Anchored {
  const intro = (a: number) => (EFFECTIVE.has(st.lower[a] ?? '') ? st.lower[a]! : EFFECTIVE.has(st.lower[a - 1] ?? '') ? st.lower[a - 1]! : null);
  const placed = dates
    .map((d) => {
      const [a, b] = tokenRange(st.toks, d.start, d.end);
      return { d, a, b, clause: st.clauseOf[a] ?? -1 };
    })
    .filter((x) => x.clause >= 0 && st.clauses[x.clause]!.kind !== 'attribution')
    // "recently", "now", "a recent ruling": vague references (TimeML PAST_REF…) date nothing.
    .filter((x) => !/_REF$/.test(x.d.timex ?? ''))
    .filter((x) => !NOT_WHEN.has(st.lower[x.a] ?? '') && !NOT_WHEN.has(st.lower[x.a - 1] ?? ''))
    // "has told agencies to stop selling tours from March 15": a start after publication is when a
    // measure takes effect, not when an act that is not itself in the future happened.
    .filter((x, _, all) => future || !published || !intro(x.a) || x.d.value.start <= published || all.some((y) => y.a >= x.b && y.a <= x.b + 1 && YEAR_ONLY.test(y.d.text.toLowerCase())));
  // "did not allow them to resume until August 2023": it happened in August 2023.
  if (negated) {
    const until = dates.find((d) => {
      const [a] = tokenRange(st.toks, d.start, d.end);
      return (st.lower[a] === 'until' || st.lower[a - 1] === 'until') && st.clauseOf[a] === ci && a > cueFrom;
    });
    if (until) return { date: { start: until.value.start, end: until.value.end, precision: until.value.precision, text: until.text, source: until.source }, why: `"not … ${until.text}": the event happened then`, notUntil: true };
  }
  const shifted = relativeToOtherEvent(st, placed, cueFrom, storyDay ?? published);
  if (shifted) return shifted;
  let chain = clauseChain(st, ci);
  // ", and Beijing has still not lifted its bans": a present perfect with its own subject states how
  // things stand now; the other conjunct's date is not its date.
  const own = st.clauses[ci]!;
  if (own.subject >= 0 && own.kind === 'coord' && COORD.has(own.opener ?? '') && st.toks.slice(own.from, cueFrom).some((t) => t.pos === 'AUX' && (t.lower === 'has' || t.lower === 'have'))) chain = [ci];
  // A gerund after a preposition or an infinitive in the cue's complement ("barring agencies from
  // selling tours … in March 2017") does not take the date away from the cue.
  const isVerb = (i: number) => st.toks[i]!.pos === 'VERB' && !(/ing$/.test(st.lower[i]!) && st.toks[i - 1]?.pos === 'ADP') && st.lower[i - 1] !== 'to';
  for (const c of chain) {
    // "since September 2018" is a starting point: not the date of a negated event ("have not met since…").
    // "suspending visas and, a day later, scrapping transit": a date after "and" right before another cue is that cue's.
    const nextCues = (x: { a: number; b: number }) => c === ci && x.a >= cueTo && otherCues.some(([oa]) => oa >= x.b && oa <= x.b + 2) && st.lower.slice(cueTo, x.a).some((w) => COORD.has(w));
    // "pressing Seoul to stand by positions taken … in 2017": a date after a reduced relative
    // (a noun and its past participle) dates that participle, not the cue.
    const reducedRelative = (x: { a: number }) => c === ci && x.a >= cueTo && st.toks.slice(cueTo, x.a).some((t, k) => t.pos === 'VERB' && /(?:ed|en|wn|ne)$/.test(t.lower) && st.toks[cueTo + k - 1]?.pos === 'NOUN');
    const here = placed.filter((x) => x.clause === c && !(negated && (st.lower[x.a] === 'since' || st.lower[x.a - 1] === 'since')) && !nextCues(x) && !reducedRelative(x));
    if (!here.length) continue;
    // In the cue's clause: nearest to the cue. In a governing clause: nearest to its verb.
    let from = cueFrom;
    let to = cueTo;
    if (c !== ci) {
      const cl = st.clauses[c]!;
      const v = st.toks.findIndex((t, i) => i >= cl.from && i < cl.to && (t.pos === 'VERB' || t.pos === 'AUX'));
      from = to = v >= 0 ? v : cl.from;
    }
    // "for the first time since November 2023" marks a starting point, not the event's date.
    const since = (x: { a: number }) => (st.lower[x.a] === 'since' || st.lower[x.a - 1] === 'since' ? 100 : 0);
    // "positions taken … in 2017": a date after another verb belongs to that verb.
    // "…over his declaration of martial law on Dec. 3": a date next to another cue belongs to it.
    const otherVerb = (x: { a: number; b: number }) => {
      if (c !== ci) return 0;
      const [lo, hi] = x.a >= to ? [to, x.a] : [x.b, from];
      for (let i = lo; i < hi; i++) if (isVerb(i) || (x.b <= from && COORD.has(st.lower[i]!))) return 50;
      for (const [oa, ob] of otherCues) if (oa >= lo && ob <= hi) return 50;
      return 0;
    };
    // Time adjuncts usually follow the verb phrase: a date before the cue is a slightly weaker claim.
    const dist = (x: { a: number; b: number }) => since(x) + otherVerb(x) + (x.b <= from ? from - x.b + 2 : x.a >= to ? x.a - to : 0);
    here.sort((x, y) => dist(x) - dist(y) || x.a - y.a);
    const best = here[0]!;
    let value = best.d.value;
    // "on Nov. 8 last year": a day or month followed by a year expression takes that year.
    const next = placed.find((x) => x.a >= best.b && x.a <= best.b + 1 && x !== best && x.d.value.precision === 'year' && YEAR_ONLY.test(x.d.text.toLowerCase()));
    let text = best.d.text;
    if (next && (value.precision === 'day' || value.precision === 'month')) {
      const y = next.d.value.start.slice(0, 4);
      value = { ...value, start: `${y}${value.start.slice(4)}`, end: `${y}${value.end.slice(4)}` };
      text = `${best.d.text} ${next.d.text}`;
    }
    return {
      date: { start: value.start, end: value.end, precision: value.precision, text, source: best.d.source },
      why: `"${text}" in ${c === ci ? 'the same clause' : 'a governing clause'}`,
    };
  }
  if (published) return { date: { start: published, end: published, precision: 'day', text: null, source: 'inferred' }, why: 'no date expression: publication date' };
  return { date: null, why: 'no date expression and no publication date' };
}

const SHIFT_UNITS: Record<string, { days: number; precision: 'day' | 'month' | 'year' }> = {
  day: { days: 1, precision: 'day' },
  days: { days: 1, precision: 'day' },
  week: { days: 7, precision: 'day' },
  weeks: { days: 7, precision: 'day' },
  // "hours after North Korea fired…": the same day as the occasion it is measured from.
  hour: { days: 0, precision: 'day' },
  hours: { days: 0, precision: 'day' },
  minutes: { days: 0, precision: 'day' },
};
/** Words before a unit that stand for a count: "a day after", "hours after", "a few hours before". */
const COUNT_WORDS: Record<string, number> = { the: 1, a: 1, an: 1, few: 1, several: 1, just: 1, only: 1, ',': 1 };

/**
 * "The announcement came two days after Xi and Lee met in Gyeongju": an event inside a phrase
 * "<count> day(s)/week(s) after|before …" that states no date of its own happened that long
 * before (after) the date of the rest of the sentence, else the story's day (the narrative date or
 * publication). The phrase runs to the
 * next comma, or on through a "where"/"at which" clause about the same occasion.
 */
function relativeToOtherEvent(st: Structure, placed: Array<{ d: DateMention; a: number; b: number }>, cueFrom: number, storyDay: string | null): Anchored | null {
  const numbers = dateLexicon().numbers;
  let k = cueFrom - 1;
  for (; k >= 2; k--) {
    const w = st.lower[k]!;
    if (w === 'after' || w === 'before') break;
    if (w === ',' && !['where', 'when'].includes(st.lower[k + 1] ?? '') && !(st.lower[k + 1] === 'at' && st.lower[k + 2] === 'which')) return null;
    if (w === ';' || w === ':') return null;
  }
  if (k < 2) return null;
  const unit = SHIFT_UNITS[st.lower[k - 1]!];
  const before = st.lower[k - 2]!;
  // A bare or vague count ("hours after", "a few hours before") only for units under a day.
  const vague = before in COUNT_WORDS && (unit?.days === 0 || before === 'the' || before === 'a' || before === 'an');
  const count = vague ? 1 : /^\d+$/.test(before) ? Number(before) : numbers.get(before);
  if (!unit || !count) return null;
  const sign = st.lower[k] === 'after' ? -1 : 1;
  // The phrase's end: the first comma after the cue that does not open a same-occasion clause.
  let end = st.toks.length;
  for (let i = cueFrom; i < st.toks.length; i++) if (st.lower[i] === ',' && !['where', 'when', 'at'].includes(st.lower[i + 1] ?? '')) {
    end = i;
    break;
  }
  if (placed.some((x) => x.a > k && x.a < end)) return null;
  // The date of the rest of the sentence: the nearest one before the phrase, else after it.
  const ref = [...placed].reverse().find((x) => x.a < k - 2) ?? placed.find((x) => x.a >= end);
  const base = ref ? ref.d.value.start : storyDay;
  if (!base || (ref && ref.d.value.precision !== 'day')) return null;
  const start = addDays(base, sign * count * unit.days);
  const text = st.toks.slice(before === ',' ? k - 1 : k - 2, k + 1).map((t) => t.text).join(' ');
  return { shifted: true, date: { start, end: start, precision: unit.precision, text, source: 'inferred' }, why: `"${text}" ${ref ? `"${ref.d.text}"` : `the story's day ${storyDay}`}: ${count * unit.days} day(s) ${sign < 0 ? 'before' : 'after'} it` };
}

/** Flags that follow from the date: later than publication → future; over 30 days before → historical. */
export function dateFlags(date: DateValue | null, published: string | null): { future: boolean; historical: boolean } {
  if (!date || !published || date.source === 'inferred' && !date.text) return { future: false, historical: false };
  return { future: date.start > published, historical: date.end < addDays(published, -30) };
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'throughout', 'across', 'on']);

/** A place named in the cue's clause ("in Tokyo", "a Tokyo hotel"), nearest to the cue. */
export function eventLocation(st: Structure, places: PlaceMention[], cueFrom: number, ci: number): LocationRef | null {
  const own = clauseLocation(st, places, cueFrom, ci);
  if (own) return own;
  // "met in Tokyo on Friday and agreed to…": a coordinated verb phrase with no subject of its own
  // shares the occasion, and so the place, of the clause it hangs on.
  const clause = st.clauses[ci]!;
  if (clause.kind === 'coord' && clause.subject < 0 && !clause.otherSubject && clause.parent >= 0) {
    return clauseLocation(st, places, st.clauses[clause.parent]!.from, clause.parent);
  }
  return null;
}

function clauseLocation(st: Structure, places: PlaceMention[], cueFrom: number, ci: number): LocationRef | null {
  const clause = st.clauses[ci]!;
  let best: { p: PlaceMention; d: number } | null = null;
  for (const p of places) {
    const [a, b] = tokenRange(st.toks, p.start, p.end);
    if (a < clause.from || a >= clause.to) continue;
    // "in Tokyo", "at a Tokyo hotel", "a Gyeongju hotel" — not "from the mainland" or "to Beijing".
    let i = a - 1;
    while (i >= 0 && (st.toks[i]!.pos === 'DET' || st.toks[i]!.pos === 'ADJ')) i--;
    const prep = st.lower[i] ?? '';
    const attributive = st.toks[a - 1]?.pos === 'DET' && st.toks[b]?.pos === 'NOUN';
    if (!LOCATIVE.has(prep) && !attributive) continue;
    const d = Math.abs(a - cueFrom);
    if (!best || d < best.d) best = { p, d };
  }
  return best ? { text: best.p.text, country: best.p.country } : null;
}
