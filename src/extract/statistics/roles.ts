import { dataPath } from '../../knowledge/paths.js';
import { readLexiconTable } from '../../knowledge/lexicon-table.js';
import { numberLexicon } from '../../nlp/numbers/lexicon.js';
import type { NumberMention } from '../../nlp/numbers/mention.js';
import type { Token } from '../../nlp/numbers/tokens.js';

/**
 * What each number of a sentence does in it: a value of its own (`main`), the percentage or
 * absolute change of another (`pct`, `abs`), a multiplier ("doubled"), or the earlier value it
 * is compared with (`previous`).
 */
export type Role = 'main' | 'pct' | 'abs' | 'ratio' | 'previous';

export interface Roled {
  m: NumberMention;
  role: Role;
  direction: 'up' | 'down' | null;
  /** Index (into the roled list) of the main number a change part belongs to. */
  target: number | null;
}

let cues: Array<{ words: string[]; role: string }> | null = null;
export function statisticCues(): Array<{ words: string[]; role: string }> {
  cues ??= readLexiconTable(dataPath('lexicon', 'statistic-cues.txt'))
    .map(([p, r]) => ({ words: p!.toLowerCase().split(/[\s-]+/), role: r! }))
    .sort((a, b) => b.words.length - a.words.length);
  return cues;
}

/** Cue phrase (of `role`) ending just before token `i`, skipping hyphens. */
export function cueBefore(tokens: Token[], i: number, role: string): boolean {
  const words = wordsBack(tokens, i, 4);
  return statisticCues().some((c) => c.role === role && c.words.length <= words.length && c.words.every((w, k) => words[words.length - c.words.length + k] === w));
}

/** Cue phrase (of `role`) starting at token `i`. */
export function cueAt(tokens: Token[], i: number, role: string): number {
  const words = wordsFwd(tokens, i, 5);
  const c = statisticCues().find((c) => c.role === role && c.words.every((w, k) => words[k] === w));
  return c ? c.words.length : 0;
}

function wordsBack(tokens: Token[], i: number, n: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0 && out.length < n; k--) {
    const t = tokens[k]!;
    if (t.text === '-') continue;
    if (t.kind !== 'word') break;
    out.unshift(t.lower);
  }
  return out;
}

function wordsFwd(tokens: Token[], i: number, n: number): string[] {
  const out: string[] = [];
  for (let k = i; k < tokens.length && out.length < n; k++) {
    const t = tokens[k]!;
    if (t.text === '-') continue;
    if (t.kind !== 'word') break;
    out.push(t.lower);
  }
  return out;
}

const NOT_CHANGE_BEFORE_UP = new Set(['made', 'make', 'makes', 'making', 'set', 'sets', 'signed', 'picked', 'ended', 'end', 'ends', 'built', 'shored', 'taken', 'took', 'take', 'takes', 'summed', 'sums', 'lined', 'opened', 'add', 'adds']);
/** Words between "from" and the earlier value: "from a record 17.24 million", "from about 12,700". */
const FROM_SKIP = new Set(['a', 'an', 'the', 'record', 'peak', 'high', 'low', 'of', 'about', 'around', 'nearly', 'almost', 'roughly', 'some', 'just', 'over', 'more', 'than', 'approximately', 'an', 'estimated', 'revised', 'previous']);
/** Words between a cue and the earlier value: "than the $2 billion", "versus its 2023 level of". */
const ARTICLES = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'record', 'estimated', 'revised', 'previous']);
const SKIP_BACK = new Set(['by', 'of', 'a', 'an', 'some', 'about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'more', 'than', 'over', 'just', 'at', 'least', 'as', 'much', 'many', 'sharply', 'further', 'another', 'steeply', 'significantly']);

/** A change word just before token `i` ("rose 12%", "surged by 60.6 per cent", "an increase of"). */
export function changeBefore(tokens: Token[], i: number): { direction: 'up' | 'down' | 'change'; kind: string } | null {
  const lex = numberLexicon();
  for (let k = i - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return null;
    const c = lex.changes.get(t.lower);
    // "made up 31 per cent", "set up", "signed up": phrasal verbs, not changes.
    if (c && t.lower === 'up' && NOT_CHANGE_BEFORE_UP.has(tokens[k - 1]?.lower ?? '')) return null;
    if (c && c.kind !== 'adjective') return c;
    if (!SKIP_BACK.has(t.lower)) return null;
    seen++;
  }
  return null;
}

/** A change noun or adjective right after a number ("a 48.8 per cent increase", "12% higher"). */
export function changeAfter(tokens: Token[], j: number): { direction: 'up' | 'down' | 'change'; kind: string } | null {
  const lex = numberLexicon();
  const t = tokens[j];
  if (!t || t.kind !== 'word') return null;
  const c = lex.changes.get(t.lower);
  if (c && (c.kind === 'noun' || c.kind === 'adjective')) return c;
  if (cueAt(tokens, j, 'year-earlier')) return { direction: 'change', kind: 'yoy' };
  return null;
}

const dir = (d: 'up' | 'down' | 'change' | undefined | null): 'up' | 'down' | null => (d === 'up' || d === 'down' ? d : null);

/** The first change word in the sentence before token `i` (its direction). */
function directionBefore(tokens: Token[], i: number): 'up' | 'down' | null {
  const lex = numberLexicon();
  for (let k = i - 1; k >= 0; k--) {
    const c = lex.changes.get(tokens[k]!.lower);
    // "made up about 31 per cent": a phrasal verb, not a rise.
    if (c && tokens[k]!.lower === 'up' && NOT_CHANGE_BEFORE_UP.has(tokens[k - 1]?.lower ?? '')) continue;
    if (c && c.kind !== 'adjective') return dir(c.direction);
  }
  return null;
}

/** Assign a role to each candidate number of a sentence, then attach change parts to their main numbers. */
export function assignRoles(tokens: Token[], numbers: NumberMention[]): Roled[] {
  const roled: Roled[] = numbers.map((m) => ({ m, role: 'main', direction: null, target: null }));
  const isNum = (k: number) => numbers.some((n) => n.tokenStart === k || (n.tokenStart - 1 === k && tokens[k]?.lower === 'between'));
  for (const r of roled) {
    const { m } = r;
    const i = m.tokenStart;
    const j = m.tokenEnd;
    if (m.kind === 'multiplier') {
      r.role = 'ratio';
      r.direction = m.value >= 1 ? 'up' : 'down';
      continue;
    }
    const before = changeBefore(tokens, hedgeIndex(tokens, m));
    const after = changeAfter(tokens, j);
    if (m.kind === 'percent' || m.kind === 'percentage_points') {
      // "to 25 per cent from 10 per cent", "up from 63 per cent", "against nearly 47 per cent": an earlier rate.
      let b = hedgeIndex(tokens, m) - 1;
      while (b >= 0 && FROM_SKIP.has(tokens[b]!.lower)) b--;
      const otherRate = numbers.some((n) => n !== m && n.kind === m.kind && n.tokenStart < i);
      if (otherRate && (cueBefore(tokens, b + 1, 'previous') || tokens[b]?.lower === 'from')) {
        r.role = 'previous';
        r.direction = directionBefore(tokens, i);
        continue;
      }
      // "rose by 50,000, or 50 per cent,": the percentage restates the change before it.
      const orAfterChange = tokens[i - 1]?.lower === 'or' && roled.some((x) => x.role === 'abs' && x.m.tokenEnd >= i - 3 && x.m.tokenEnd < i);
      if (orAfterChange) {
        r.role = 'pct';
        r.direction = roled.find((x) => x.role === 'abs')?.direction ?? null;
        continue;
      }
      if (before || after) {
        r.role = 'pct';
        r.direction = dir(before?.direction) ?? dir(after?.direction) ?? directionBefore(tokens, i);
      }
      continue;
    }
    const prevWord = tokens[i - 1]?.lower;
    let f = i - 1;
    while (f >= 0 && FROM_SKIP.has(tokens[f]!.lower)) f--;
    const fromWord = tokens[f]?.lower === 'from' ? f : -1;
    // "44.3 per cent above the roughly 142,000"
    if (tokens[f]?.lower === 'above' || tokens[f]?.lower === 'below') {
      if (roled.some((x) => x.role === 'pct' && x.m.tokenEnd === f)) {
        r.role = 'previous';
        continue;
      }
    }
    const h = hedgeIndex(tokens, m);
    let a = h;
    while (a > 0 && ARTICLES.has(tokens[a - 1]!.lower)) a--;
    // "2.5 times the 10,000 of last year": the value a "times" multiplier is applied to.
    const timesBase = numbers.some((n) => n.kind === 'multiplier' && n.tokenEnd >= a && n.tokenEnd <= h && /\b(?:times|twice)\b/i.test(n.text));
    // "more than a dozen" is a hedge, not a comparison: "than" after an article needs a number before "more".
    const hedgeThan = a < h && tokens[a - 1]?.lower === 'than' && tokens[a - 2]?.kind !== 'num' && !numbers.some((n) => n.tokenEnd === a - 2);
    if (timesBase || (!hedgeThan && cueBefore(tokens, a, 'previous')) || (fromWord >= 0 && cueBefore(tokens, fromWord + 1, 'previous'))) {
      r.role = 'previous';
      continue;
    }
    // "4,000 students, 1,000 more than the 3,000 in 2023": a difference stated before its base.
    if (after?.kind === 'adjective' && tokens[j + 1]?.lower === 'than' && numbers.some((n) => n.tokenStart > j + 1 && n.tokenStart <= j + 5)) {
      r.role = 'abs';
      r.direction = dir(after.direction);
      continue;
    }
    if (fromWord >= 0) {
      const toNum = tokens[j]?.lower === 'to' && isNum(j + 1);
      if (toNum || changeBefore(tokens, fromWord) || directionBefore(tokens, i) || numbers.some((n) => n.kind === 'multiplier' && n.tokenEnd <= i)) {
        r.role = 'previous';
        r.direction = directionBefore(tokens, i);
        continue;
      }
    }
    if (before && prevWord !== 'to' && tokens[j]?.lower === 'to' && isNum(j + 1)) {
      r.role = 'abs';
      r.direction = dir(before.direction);
      continue;
    }
    if (before && numbers.length > 1 && prevWord !== 'to') {
      r.role = 'abs';
      r.direction = dir(before.direction);
    }
  }
  // An absolute change needs a main number to belong to.
  const mains = () => roled.filter((r) => r.role === 'main');
  if (mains().length === 0) for (const r of roled) if (r.role === 'abs' || r.role === 'previous') r.role = 'main';
  attach(tokens, roled);
  return roled;
}

/** Token index where a number's hedge starts (the number's own start when it has none). */
export function hedgeIndex(tokens: Token[], m: NumberMention): number {
  if (m.hedgeStart === null) return m.tokenStart;
  const k = tokens.findIndex((t) => t.start >= m.hedgeStart! - (m.start - tokens[m.tokenStart]!.start));
  return k >= 0 && k < m.tokenStart ? k : m.tokenStart;
}

function attach(tokens: Token[], roled: Roled[]): void {
  const mainIdx = roled.map((r, k) => (r.role === 'main' ? k : -1)).filter((k) => k >= 0);
  const taken = new Map<number, Set<Role>>();
  const take = (k: number, role: Role) => {
    const s = taken.get(k) ?? new Set<Role>();
    if (s.has(role)) return false;
    s.add(role);
    taken.set(k, s);
    return true;
  };
  for (let k = 0; k < roled.length; k++) {
    const r = roled[k]!;
    if (r.role === 'main') continue;
    const candidates: number[] = [];
    // "a 10% rise to 1,000": the main number after "to".
    for (let t = r.m.tokenEnd; t < Math.min(tokens.length, r.m.tokenEnd + 4); t++) {
      if (tokens[t]!.lower !== 'to') continue;
      const hit = mainIdx.find((x) => roled[x]!.m.tokenStart === t + 1);
      if (hit !== undefined) candidates.push(hit);
    }
    const before = mainIdx.filter((x) => x < k).reverse();
    const after = mainIdx.filter((x) => x > k);
    candidates.push(...before, ...after);
    const target = candidates.find((x) => take(x, r.role));
    if (target === undefined) {
      // Nothing to attach to: a percentage stands alone; an orphan previous value is a value of its own.
      r.role = 'main';
      continue;
    }
    r.target = target;
  }
  // Direction of a main comes from its parts.
  for (const r of roled) {
    if (r.target === null || !r.direction) continue;
    const t = roled[r.target]!;
    t.direction ??= r.direction;
  }
}
