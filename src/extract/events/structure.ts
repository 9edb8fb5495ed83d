import { winkPos } from '../../nlp/wink.js';
import type { RichMention } from '../actors/mention.js';
import type { EventLexicon, PhraseList } from './lexicon.js';
import { phraseAt } from './match.js';

/**
 * The structure of one candidate sentence: part-of-speech tagged tokens (wink-nlp), clauses,
 * and groups of coordinated actors. Offsets are character offsets into the document text.
 */
export interface WTok {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
}

export type ClauseKind = 'main' | 'sub' | 'relative' | 'report' | 'attribution' | 'coord' | 'participle';

export interface Clause {
  from: number;
  to: number;
  kind: ClauseKind;
  /** The word that opened it ("after", "which", "said"…). */
  opener: string | null;
  /** The clause this one hangs on (for subject inheritance), or -1. */
  parent: number;
  /** Index of the group that is this clause's own subject, or -1. */
  subject: number;
  /** True when the clause has a subject that is not an actor ("the organisers would…"). */
  otherSubject: boolean;
}

/** Actors joined by "and", commas, "as well as": one party or a list of parties. */
export interface Group {
  from: number;
  to: number;
  members: RichMention[];
  /** Every member is a place use ("in Tokyo"). */
  locative: boolean;
  /** The preposition right before the group (skipping determiners), lower case, or null. */
  prep: string | null;
  /** Followed by "'s". */
  possessive: boolean;
}

export interface Structure {
  toks: WTok[];
  lower: string[];
  clauses: Clause[];
  groups: Group[];
  /** Clause index of each token. */
  clauseOf: number[];
}

/** Tag a sentence with wink-nlp; tokens carry offsets into the document (`offset` = sentence start). */
export function posTag(text: string, offset: number): WTok[] {
  const nlp = winkPos();
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  // Whole-collection outputs are much cheaper than reading each token item.
  const words = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as unknown as string[];
  const tags = tokens.out(its.pos) as unknown as string[];
  const out: WTok[] = new Array(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    at += spaces[i]!.length;
    const s = words[i]!;
    // wink keeps the original characters; find the token to stay robust to any normalisation.
    const found = text.startsWith(s, at) ? at : text.indexOf(s, at);
    const start = found >= 0 && found - at < 3 ? found : at;
    out[i] = { start: offset + start, end: offset + start + s.length, text: s, lower: s.toLowerCase().replace(/’/g, "'"), pos: tags[i]! };
    at = start + s.length;
  }
  return out;
}

/** Token index range [a, b) covering characters [start, end). */
export function tokenRange(toks: WTok[], start: number, end: number): [number, number] {
  let a = toks.findIndex((t) => t.end > start);
  if (a < 0) a = toks.length;
  let b = a;
  while (b < toks.length && toks[b]!.start < end) b++;
  return [a, Math.max(b, a + 1)];
}

const JOINERS = new Set([',', 'and', ', and', 'as well as', ', as well as', 'together with', 'along with', 'or', ', or', 'and his', 'and her', 'and their', ', his', 'and its']);
const DETS = new Set(['the', 'a', 'an', 'both', 'its', 'their', 'his', 'her']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'their']);

/** Words that approximate a number ("about 8,000 police officers"), not prepositions. */
const APPROX = new Set(['about', 'around', 'some', 'nearly', 'almost', 'roughly', 'approximately', 'over', 'under']);
const TIME_WORDS = new Set(['midnight', 'dawn', 'noon', 'dusk', 'nightfall', 'daybreak']);
const PUNCT_BREAK = new Set([';', ':', '—', '–', '(', ')']);

function isVerb(t: WTok | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

/** Coordinated actors as groups. */
function buildGroups(toks: WTok[], mentions: RichMention[]): Group[] {
  const units: Array<{ a: number; b: number; members: RichMention[] }> = [];
  for (const m of mentions) {
    const [a, b] = tokenRange(toks, m.start, m.end);
    const same = units.find((u) => u.a === a && u.b === b);
    if (same) same.members.push(m);
    else units.push({ a, b, members: [m] });
  }
  units.sort((x, y) => x.a - y.a);
  // "French National Assembly president Laurent Fabius": a nationality adjective right before a
  // mention of the same country modifies it; it is not a party of its own.
  const modifies = (u: { a: number; b: number; members: RichMention[] }) => {
    const next = units.find((w) => w.a === u.b);
    return !!next && u.members.every((m) => m.form === 'adjective' && next.members.some((n) => n.country === m.country && n.form !== 'adjective'));
  };
  const groups: Group[] = [];
  for (const u of units.filter((x) => !modifies(x))) {
    const last = groups[groups.length - 1];
    if (last && u.a >= last.to) {
      const between = toks.slice(last.to, u.a).filter((t) => !DETS.has(t.lower) || t.lower === 'his' || t.lower === 'her' || t.lower === 'their' || t.lower === 'its');
      const joined = between.map((t) => t.lower).join(' ').replace(/ ,/g, ',');
      const locMix = last.locative !== u.members.every((m) => m.locative);
      // ", and Yoon invited…": a new subject with its verb starts a clause, not a longer list.
      // (also ", and Moon and Abe are expected…": the new subject may itself be a list)
      let end = u.b;
      if (joined === ', and') for (const w of units) if (w.a > u.a && w.a === end + 1 && toks[end]!.lower === 'and') end = w.b;
      const newClause = joined.startsWith(',') && (isVerb(toks[end]) || (toks[end]?.pos === 'ADV' && isVerb(toks[end + 1])));
      if (between.length && JOINERS.has(joined) && !locMix && !newClause) {
        last.to = u.b;
        last.members.push(...u.members);
        continue;
      }
    }
    groups.push({ from: u.a, to: u.b, members: [...u.members], locative: u.members.every((m) => m.locative), prep: null, possessive: false });
  }
  for (const g of groups) {
    let i = g.from - 1;
    while (i >= 0 && (DETS.has(toks[i]!.lower) || toks[i]!.pos === 'ADJ' || (toks[i]!.pos === 'NUM' && !/^(?:19|20)\d\d$/.test(toks[i]!.text)))) i--;
    let t = toks[i];
    // "on $200 billion of Chinese goods": the preposition of the whole noun phrase counts.
    if (t?.lower === 'of') {
      let k = i - 1;
      while (k >= 0 && k > i - 6 && ['NOUN', 'NUM', 'SYM', 'ADJ', 'DET', 'PROPN'].includes(toks[k]!.pos) && !groups.some((o) => k >= o.from && k < o.to)) k--;
      if (toks[k] && (toks[k]!.pos === 'ADP' || toks[k]!.lower === 'to') && toks[k]!.lower !== 'of') t = toks[k];
    }
    // "up to 100 ethnic Albanians", "more than 3,000 Chinese passengers": a quantity, not a preposition.
    if (t && (t.lower === 'to' || t.lower === 'than') && toks[i + 1]?.pos === 'NUM' && ['up', 'more', 'less', 'fewer', 'close'].includes(toks[i - 1]?.lower ?? '')) t = undefined;
    // "About 8,000 police officers": an approximation; a preposition before it still counts ("against some 500 workers").
    if (t && APPROX.has(t.lower) && toks[i + 1]?.pos === 'NUM') t = toks[i - 1]?.pos === 'ADP' || toks[i - 1]?.lower === 'to' ? toks[i - 1] : undefined;
    g.prep = t && (t.pos === 'ADP' || t.lower === 'to') ? t.lower : null;
    // "Beijing's ban", and a possessive pronoun before a noun ("its visa waiver", "his declaration").
    const word = toks[g.from]!.lower;
    g.possessive = toks[g.to]?.lower === "'s" || toks[g.to]?.lower === "'" || (g.to === g.from + 1 && (POSSESSIVE_PRONOUNS.has(word) || (word === 'her' && ['NOUN', 'ADJ'].includes(toks[g.to]?.pos ?? ''))));
  }
  return groups;
}

/**
 * Split a sentence into clauses at subordinators, relative pronouns, reporting verbs, strong
 * punctuation, ", and" and "and" + verb; find each clause's actor subject.
 */
export function analyse(text: string, offset: number, mentions: RichMention[], lex: EventLexicon): Structure {
  const toks = posTag(text, offset);
  const lower = toks.map((t) => t.lower);
  const groups = buildGroups(toks, mentions);
  const m = lex.modifiers;
  const initial = phraseAt(m.clause_openers, lower, 0);
  const starts: Array<{ at: number; kind: ClauseKind; opener: string | null }> = [{ at: 0, kind: initial ? 'sub' : 'main', opener: initial ? lower.slice(0, initial).join(' ') : null }];
  const inGroup = (i: number) => groups.some((g) => i >= g.from && i < g.to);
  /** A verb within `n` tokens (actor names not counted), before any comma or strong punctuation. */
  const verbWithin = (i: number, n: number) => {
    let seen = 0;
    for (let k = i; k < toks.length && seen < n; k++) {
      if (PUNCT_BREAK.has(toks[k]!.text) || toks[k]!.text === ',') return false;
      if (isVerb(toks[k]) && !inGroup(k)) return true;
      if (!inGroup(k)) seen++;
    }
    return false;
  };
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    // ", Chinese travel agencies stopped selling…": a comma, then a new subject and its verb.
    const g = groups.find((x) => x.from === i);
    if (g && toks[i - 1]!.text === ',' && !g.locative && (isVerb(toks[g.to]) || (toks[g.to]?.pos === 'ADV' && isVerb(toks[g.to + 1])))) {
      starts.push({ at: i, kind: 'coord', opener: ',' });
      continue;
    }
    // "…letting South Koreans enter and Yoon met Xi": "and" + a new actor subject + its verb opens a clause.
    if ((t.lower === 'and' || t.lower === 'but') && toks[i - 1]!.text !== ',') {
      const h = groups.find((x) => x.from === i + 1);
      if (h && !h.locative && !h.possessive && (isVerb(toks[h.to]) || (toks[h.to]?.pos === 'ADV' && isVerb(toks[h.to + 1])))) {
        starts.push({ at: i, kind: 'coord', opener: t.lower });
        continue;
      }
    }
    if (inGroup(i)) continue;
    const prev = toks[i - 1]!;
    const attr = phraseAt(m.attribution, lower, i);
    if (attr) {
      starts.push({ at: i, kind: 'attribution', opener: lower.slice(i, i + attr).join(' ') });
      i += attr - 1;
      continue;
    }
    const rep = phraseAt(m.reporting, lower, i);
    if (rep && isVerb(t)) {
      // ', said Lee' attributes what came before; ', saying he hoped…' reports what follows.
      if ((prev.text === ',' && !/ing$/.test(t.lower)) || /^["“”']$/.test(prev.text)) starts.push({ at: i, kind: 'attribution', opener: t.lower });
      else {
        let j = i + rep;
        // "announced on Friday that …": the adverbial stays with the reporting verb.
        for (let k = j; k < Math.min(toks.length, j + 7); k++) {
          if (lower[k] === 'that') {
            j = k + 1;
            break;
          }
          if (PUNCT_BREAK.has(toks[k]!.text) || toks[k]!.text === ',' || isVerb(toks[k])) break;
        }
        // "announced dates for a visit" has no clause after it: not reported speech.
        if (j < toks.length && verbWithin(j, 14)) starts.push({ at: j, kind: 'report', opener: t.lower });
      }
      i += rep - 1;
      continue;
    }
    if (PUNCT_BREAK.has(t.text)) {
      starts.push({ at: i + 1, kind: 'coord', opener: t.text });
      continue;
    }
    const open = phraseAt(m.clause_openers, lower, i);
    // "after 1 a.m.", "until midnight": a preposition before a time, not a clause.
    const beforeTime = toks[i + open]?.pos === 'NUM' || TIME_WORDS.has(lower[i + open] ?? '');
    if (open && t.pos !== 'NOUN' && !beforeTime && verbWithin(i + open, 10)) {
      starts.push({ at: i, kind: 'sub', opener: lower.slice(i, i + open).join(' ') });
      i += open - 1;
      continue;
    }
    if (phraseAt(m.relatives, lower, i) && !(t.lower === 'that' && (t.pos === 'DET' || toks[i + 1]?.pos === 'NOUN')) && verbWithin(i + 1, 8)) {
      starts.push({ at: i, kind: 'relative', opener: t.lower });
      continue;
    }
    if ((t.lower === 'and' || t.lower === 'but') && prev.text === ',') {
      starts.push({ at: i, kind: 'coord', opener: t.lower });
      continue;
    }
    // ("groups of three or more took effect": "or more" is a quantity, not a new clause.)
    const quantity = prev.pos === 'NUM' && ['more', 'less', 'fewer', 'so'].includes(lower[i + 1] ?? '');
    if ((t.lower === 'and' || t.lower === 'but' || t.lower === 'or') && !quantity && (isVerb(toks[i + 1]) || (toks[i + 1]?.pos === 'ADV' && isVerb(toks[i + 2])))) {
      starts.push({ at: i, kind: 'coord', opener: t.lower });
      continue;
    }
    if (prev.text === ',' && t.pos === 'VERB' && /ing$/.test(t.lower)) starts.push({ at: i, kind: 'participle', opener: t.lower });
  }
  starts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    const to = starts[k + 1]?.at ?? toks.length;
    if (to <= s.at) continue;
    clauses.push({ from: s.at, to, kind: s.kind, opener: s.opener, parent: -1, subject: -1, otherSubject: false });
  }
  const clauseOf = new Array<number>(toks.length).fill(0);
  clauses.forEach((c, ci) => {
    for (let i = c.from; i < c.to; i++) clauseOf[i] = ci;
  });
  // Parents: a clause hangs on the nearest earlier clause that is not an attribution.
  clauses.forEach((c, ci) => {
    for (let p = ci - 1; p >= 0; p--) {
      if (clauses[p]!.kind !== 'attribution') {
        c.parent = p;
        break;
      }
    }
    // "Yoon did not meet Pelosi when she stopped in Seoul, speaking with her by phone": an
    // adjunct participle after a subordinate clause belongs to the clause that one hangs on.
    if (c.kind === 'participle') while (c.parent >= 0 && clauses[c.parent]!.kind === 'sub' && clauses[c.parent]!.parent >= 0) c.parent = clauses[c.parent]!.parent;
  });
  // Subjects: the first group before the clause's first verb.
  clauses.forEach((c) => {
    let firstVerb = c.to;
    for (let i = c.from; i < c.to; i++) {
      if (isVerb(toks[i]) && !groups.some((g) => i >= g.from && i < g.to)) {
        firstVerb = i;
        break;
      }
    }
    // "The foreign ministers of Japan, China and South Korea sat down…", "after Seoul agreed…"
    const gi = groups.findIndex((g) => g.from >= c.from && g.from < firstVerb && !g.locative && !g.possessive && (g.prep === null || g.prep === 'of' || g.from - 1 === c.from));
    if (gi >= 0) c.subject = gi;
    else {
      for (let i = c.from; i < firstVerb; i++) {
        const t = toks[i]!;
        if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !groups.some((g) => i >= g.from && i < g.to)) {
          const prevTok = toks[i - 1];
          if (!prevTok || prevTok.pos !== 'ADP') c.otherSubject = true;
        }
      }
    }
  });
  return { toks, lower, clauses, groups, clauseOf };
}

/** True when the phrase list has a phrase starting at one of the tokens in [from, to). */
export function hasPhrase(list: PhraseList, lower: string[], from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const n = phraseAt(list, lower, i);
    if (n && i + n <= to) return lower.slice(i, i + n).join(' ');
  }
  return null;
}
