import { dataPath, readWordList } from '../../knowledge/paths.js';
import { numberLexicon } from '../../nlp/numbers/lexicon.js';
import type { Token } from '../../nlp/numbers/tokens.js';

let stopwords: Set<string> | null = null;
const stops = () => (stopwords ??= new Set(readWordList(dataPath('lexicon', 'measure-stopwords.txt')).map((w) => w.toLowerCase())));

const NATIONALITY = /^(?:Chinese|Japanese|Korean|Koreans|American|Americans|Taiwanese|Vietnamese|Russian|Russians|European|Europeans)$/;
const MOTION = new Set(['heading', 'travelling', 'traveling', 'going', 'flying', 'coming', 'bound', 'visiting', 'entering']);
const PLACE_PREP = new Set(['to', 'from', 'in', 'into', 'visiting', 'for']);
const isCap = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.text);

export interface Measure {
  text: string;
  /** Unit the measure's head noun gives, when it is in data/lexicon/measure-nouns.txt. */
  unit: string | null;
  head: string | null;
  /** Place named in the measure ("travellers heading to China" → China). */
  place: string | null;
  /** Token range of the measure. */
  from: number;
  to: number;
}

/** Words of a noun phrase from `i` on: stops at punctuation (but not a joining hyphen), numbers and stop words. */
function phraseAfter(tokens: Token[], i: number, maxWords = 5): number {
  let j = i;
  let words = 0;
  while (j < tokens.length && words < maxWords) {
    const t = tokens[j]!;
    if (t.kind === 'word') {
      if (stops().has(t.lower)) break;
      words++;
      j++;
      continue;
    }
    if (t.text === '-' && tokens[j - 1]?.end === t.start && tokens[j + 1]?.start === t.end && tokens[j + 1]?.kind === 'word') {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** A place after a measure: "(heading) to China", "from South Korea". */
function placeTail(tokens: Token[], j: number): { end: number; place: string } | null {
  let k = j;
  if (tokens[k] && MOTION.has(tokens[k]!.lower)) k++;
  if (!tokens[k] || !PLACE_PREP.has(tokens[k]!.lower)) return null;
  k++;
  if (tokens[k]?.lower === 'the') k++;
  const start = k;
  while (isCap(tokens[k]) || (tokens[k]?.text === '-' && isCap(tokens[k + 1]))) k++;
  if (k === start) return null;
  return { end: k, place: tokens.slice(start, k).map((t) => t.text).join(' ').replace(/ - /g, '-') };
}

function build(sentence: string, tokens: Token[], from: number, to: number): Measure | null {
  if (to <= from) return null;
  const lex = numberLexicon();
  let head: string | null = null;
  let headAt = -1;
  for (let k = to - 1; k >= from; k--) {
    const two = k > from ? `${tokens[k - 1]!.lower} ${tokens[k]!.lower}` : null;
    if (two && lex.measures.has(two)) {
      head = two;
      headAt = k;
      break;
    }
    if (lex.measures.has(tokens[k]!.lower)) {
      head = tokens[k]!.lower;
      headAt = k;
      break;
    }
  }
  let end = headAt >= 0 ? headAt + 1 : to;
  const tail = placeTail(tokens, end);
  if (tail) end = tail.end;
  return {
    text: sentence.slice(tokens[from]!.start, tokens[end - 1]!.end),
    unit: head ? lex.measures.get(head)! : null,
    head,
    place: tail?.place ?? null,
    from,
    to: end,
  };
}

/**
 * The noun phrase written right after a number ("647,901 travellers", "8.19 million foreigner
 * arrivals"). With `anyNoun`, a phrase whose head is not a known measure noun also counts when it
 * ends in a plural ("80 tour buses"); its unit is then null.
 */
export function measureAfter(sentence: string, tokens: Token[], i: number, anyNoun = false): Measure | null {
  const j = phraseAfter(tokens, i, 3);
  const m = build(sentence, tokens, i, j);
  if (m?.head) return m;
  if (anyNoun && m && j > i && /^\p{Ll}[\p{L}]*s$/u.test(tokens[j - 1]!.text)) return { ...m, unit: tokens[j - 1]!.lower };
  // "the 300-seat chamber", "a 77,000-ton ship": the noun after the hyphen, in the plural.
  if (anyNoun && tokens[i]?.text === '-' && tokens[i + 1]?.kind === 'word' && tokens[i]!.start === tokens[i - 1]?.end) {
    const w = tokens[i + 1]!.lower;
    const lex = numberLexicon();
    const unit = lex.measures.get(w) ?? lex.measures.get(`${w}s`) ?? `${w}s`;
    return { text: sentence.slice(tokens[i + 1]!.start, tokens[Math.max(i + 2, j) - 1]!.end), unit, head: w, place: null, from: i + 1, to: Math.max(i + 2, j) };
  }
  return null;
}

/** "of entries", "in trade": the phrase after a preposition following a percentage or an amount. */
export function measureOf(sentence: string, tokens: Token[], i: number, preps: string[]): Measure | null {
  if (!tokens[i] || !preps.includes(tokens[i]!.lower)) return null;
  let k = i + 1;
  while (tokens[k] && ['the', 'all', 'a', 'an', 'its', 'their', 'those', 'these', 'them'].includes(tokens[k]!.lower)) k++;
  return build(sentence, tokens, k, phraseAfter(tokens, k, 6));
}

/** "the number of travellers heading to China", "total of …" before the number. */
export function measureNumberOf(sentence: string, tokens: Token[], before: number): Measure | null {
  for (let k = before - 2; k >= 1; k--) {
    const t = tokens[k]!;
    if (t.lower === 'of' && ['number', 'numbers', 'count', 'total', 'volume', 'value', 'share', 'proportion'].includes(tokens[k - 1]!.lower)) {
      const m = build(sentence, tokens, k + 1, phraseAfter(tokens, k + 1));
      if (m) return m;
    }
  }
  return null;
}

/** A measure noun earlier in the clause ("Chinese arrivals rose to 1.2 million"), with the words before it. */
export function measureBefore(sentence: string, tokens: Token[], before: number): Measure | null {
  const lex = numberLexicon();
  for (let k = before - 1; k >= 0 && before - k <= 20; k--) {
    const t = tokens[k]!;
    // A relative clause does not end the clause: "foreign arrivals, which fell … to 13.33 million".
    if (t.text === ',' && (['which', 'who', 'that'].includes(tokens[k + 1]?.lower ?? '') || /ing$/.test(tokens[k + 1]?.lower ?? ''))) continue;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '%' && t.text !== '.') break;
    if (!lex.measures.has(t.lower)) continue;
    // "Chinese carriers", "Japanese firms": a nationality before another noun is an adjective.
    if (NATIONALITY.test(t.text) && k + 1 < before && tokens[k + 1]!.kind === 'word') continue;
    let s = k;
    while (s > 0 && tokens[s - 1]!.kind === 'word' && !stops().has(tokens[s - 1]!.lower) && k - s < 3) s--;
    return build(sentence, tokens, s, k + 1);
  }
  return null;
}

/** The words after a number up to the next punctuation ("entered through visa-free arrangements"). */
export function clauseAfter(sentence: string, tokens: Token[], i: number, maxWords = 8): string | null {
  let j = i;
  let words = 0;
  while (j < tokens.length && words < maxWords && (tokens[j]!.kind === 'word' || tokens[j]!.text === '-')) {
    if (tokens[j]!.kind === 'word') words++;
    j++;
  }
  return j > i ? sentence.slice(tokens[i]!.start, tokens[j - 1]!.end) : null;
}
