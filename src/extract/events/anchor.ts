import type { DateMention, PlaceMention } from '../../annotations.js';
import type { DateValue, LocationRef } from '../../types.js';
import { addDays } from '../../util/dates.js';
import { tokenRange, type Structure } from './structure.js';

export interface Anchored {
  date: DateValue | null;
  why: string;
}

/** Clauses whose dates can govern an event in clause `ci`: itself, then its parents up to the main clause. */
function clauseChain(st: Structure, ci: number): number[] {
  const chain = [ci];
  // A relative clause describes another occasion ("a summit that Japan is due to host"): no inheritance.
  if (st.clauses[ci]!.kind === 'relative') return chain;
  for (let c = st.clauses[ci]!.parent; c >= 0; c = st.clauses[c]!.parent) {
    chain.push(c);
    if (chain.length > 6) break;
  }
  return chain;
}

/**
 * The event's date: the date expression in the cue's clause nearest to the cue; else one in the
 * clauses it hangs on (nearest first); else the publication date, marked inferred.
 */
export function eventDate(st: Structure, dates: DateMention[], cueFrom: number, cueTo: number, ci: number, published: string | null): Anchored {
  const placed = dates
    .map((d) => {
      const [a, b] = tokenRange(st.toks, d.start, d.end);
      return { d, a, b, clause: st.clauseOf[a] ?? -1 };
    })
    .filter((x) => x.clause >= 0 && st.clauses[x.clause]!.kind !== 'attribution');
  const chain = clauseChain(st, ci);
  for (const c of chain) {
    const here = placed.filter((x) => x.clause === c);
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
    const dist = (x: { a: number; b: number }) => since(x) + (x.b <= from ? from - x.b : x.a >= to ? x.a - to : 0);
    here.sort((x, y) => dist(x) - dist(y) || x.a - y.a);
    const best = here[0]!.d;
    return {
      date: { start: best.value.start, end: best.value.end, precision: best.value.precision, text: best.text, source: best.source },
      why: `"${best.text}" in ${c === ci ? 'the same clause' : 'a governing clause'}`,
    };
  }
  if (published) return { date: { start: published, end: published, precision: 'day', text: null, source: 'inferred' }, why: 'no date expression: publication date' };
  return { date: null, why: 'no date expression and no publication date' };
}

/** Flags that follow from the date: later than publication → future; over 30 days before → historical. */
export function dateFlags(date: DateValue | null, published: string | null): { future: boolean; historical: boolean } {
  if (!date || !published || date.source === 'inferred' && !date.text) return { future: false, historical: false };
  return { future: date.start > published, historical: date.end < addDays(published, -30) };
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'throughout', 'across', 'on']);

/** A place named in the cue's clause ("in Tokyo", "a Tokyo hotel"), nearest to the cue. */
export function eventLocation(st: Structure, places: PlaceMention[], cueFrom: number, ci: number): LocationRef | null {
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
