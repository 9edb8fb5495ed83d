import type { Gazetteer, NameHit, Title } from '../../knowledge/gazetteer.js';
import type { Token } from '../../nlp/tokens.js';
import { isCapitalized } from '../../nlp/tokens.js';
import type { ActorLexicon, Body, Pair } from './lexicon.js';

/** A stretch of a sentence's tokens that the actor rules look at. `from`/`to` are token indexes. */
export type Span =
  | { type: 'name'; from: number; to: number; hits: NameHit[] }
  | { type: 'short'; from: number; to: number; ids: string[] }
  | { type: 'title'; from: number; to: number; title: Title }
  | { type: 'body'; from: number; to: number; body: Body }
  | { type: 'pair'; from: number; to: number; pair: Pair }
  | { type: 'country-ref'; from: number; to: number }
  | { type: 'pronoun'; from: number; to: number; gender: 'm' | 'f' | 'n' | 'p' }
  | { type: 'counterpart'; from: number; to: number }
  /** A run of capitalised words the gazetteer does not know: a person's or organisation's name. */
  | { type: 'cap'; from: number; to: number; orgSector: string | null };

const PRIORITY: Record<Span['type'], number> = { name: 6, short: 5, pair: 4, 'country-ref': 4, title: 3, body: 2, pronoun: 1, counterpart: 1, cap: 0 };

function isWord(t: Token | undefined): boolean {
  return !!t && /^[\p{L}]/u.test(t.text);
}

function attached(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

const startersCache = new WeakMap<Gazetteer, WeakMap<ActorLexicon, Set<string>>>();

/** Every word (lower case) that can start a span, for the fast path. */
function starters(gaz: Gazetteer, lex: ActorLexicon): Set<string> {
  let byLex = startersCache.get(gaz);
  if (!byLex) startersCache.set(gaz, (byLex = new WeakMap()));
  let set = byLex.get(lex);
  if (!set) {
    set = new Set([
      ...gaz.names.firstWords(),
      ...gaz.titleTrie.firstWords(),
      ...gaz.shorts.firstWords(),
      ...lex.bodies.firstWords(),
      ...lex.pairs.firstWords(),
      ...lex.countryRefs.firstWords(),
      ...lex.pronouns.keys(),
      ...lex.itPronouns,
      ...lex.theyPronouns,
      ...lex.counterpartNouns,
    ]);
    byLex.set(lex, set);
  }
  return set;
}

/**
 * Find the spans of one sentence: the longest of gazetteer names, people's short forms, pair
 * phrases, titles and body nouns at each position (ties in that order), pronouns, and runs of
 * capitalised words.
 */
export function scanSentence(tokens: Token[], gaz: Gazetteer, lex: ActorLexicon): Span[] {
  const spans: Span[] = [];
  const starting = starters(gaz, lex);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isWord(t)) {
      i++;
      continue;
    }
    // Fast path: a lower-case word that starts no name, title, body, pair or pronoun.
    if (!starting.has(t.lower) && !isCapitalized(t.text)) {
      i++;
      continue;
    }
    const cands: Span[] = [];
    const n = gaz.names.longestAt(tokens, i);
    if (n) cands.push({ type: 'name', from: i, to: n.to, hits: n.values });
    const s = gaz.shorts.longestAt(tokens, i);
    if (s) cands.push({ type: 'short', from: i, to: s.to, ids: s.values });
    const p = lex.pairs.longestAt(tokens, i);
    if (p) cands.push({ type: 'pair', from: i, to: p.to, pair: p.values[0]! });
    const cr = lex.countryRefs.longestAt(tokens, i);
    if (cr) cands.push({ type: 'country-ref', from: i, to: cr.to });
    const ti = gaz.titleTrie.longestAt(tokens, i);
    if (ti) cands.push({ type: 'title', from: i, to: ti.to, title: ti.values[0]! });
    const b = lex.bodies.longestAt(tokens, i);
    if (b) cands.push({ type: 'body', from: i, to: b.to, body: b.values[0]! });
    const g = lex.pronouns.get(t.lower) ?? (lex.itPronouns.has(t.lower) ? 'n' : lex.theyPronouns.has(t.lower) ? 'p' : undefined);
    if (g && (t.text === t.lower || i === 0 || t.text === t.text[0]!.toUpperCase() + t.lower.slice(1))) cands.push({ type: 'pronoun', from: i, to: i + 1, gender: g });
    if (lex.counterpartNouns.has(t.lower)) cands.push({ type: 'counterpart', from: i, to: i + 1 });
    if (cands.length) {
      cands.sort((x, y) => y.to - x.to || PRIORITY[y.type] - PRIORITY[x.type]);
      const best = cands[0]!;
      // "Lee Soo-bin": a short form followed by more name words is someone else's full name.
      if (best.type === 'short' && startsName(tokens, best.to, gaz, lex)) {
        const run = capRun(tokens, i, gaz, lex);
        spans.push(run);
        i = run.to;
        continue;
      }
      spans.push(best);
      i = best.to;
      continue;
    }
    if (isCapitalized(t.text) && !lex.notNames.has(t.text)) {
      const run = capRun(tokens, i, gaz, lex);
      spans.push(run);
      i = run.to;
      continue;
    }
    i++;
  }
  return spans;
}

function startsName(tokens: Token[], j: number, gaz: Gazetteer, lex: ActorLexicon): boolean {
  const t = tokens[j];
  if (!t || !isWord(t) || !isCapitalized(t.text) || lex.notNames.has(t.text)) return false;
  return attached(tokens[j - 1], t) ? false : !gaz.names.longestAt(tokens, j) && !gaz.titleTrie.longestAt(tokens, j);
}

/** A run of capitalised words from `i`, joined by hyphens ("Min-ji") and, inside organisation names, by connectors ("Institute for East Asian Affairs"). */
function capRun(tokens: Token[], i: number, gaz: Gazetteer, lex: ActorLexicon): Span {
  let j = i + 1;
  let orgSector = lex.orgHeads.get(tokens[i]!.text) ?? null;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.text === '-' && attached(tokens[j - 1], t) && attached(t, tokens[j + 1]) && isWord(tokens[j + 1])) {
      j += 2;
      continue;
    }
    if (isWord(t) && isCapitalized(t.text) && !lex.notNames.has(t.text) && (orgSector || !gaz.names.longestAt(tokens, j)) && !gaz.titleTrie.longestAt(tokens, j)) {
      orgSector = lex.orgHeads.get(t.text) ?? orgSector;
      j++;
      continue;
    }
    if (orgSector && lex.orgConnectors.has(t.text) && isWord(tokens[j + 1]) && isCapitalized(tokens[j + 1]!.text)) {
      j++;
      continue;
    }
    break;
  }
  // Drop a trailing connector.
  while (j > i + 1 && lex.orgConnectors.has(tokens[j - 1]!.text)) j--;
  return { type: 'cap', from: i, to: j, orgSector };
}
