import type { Token } from './tokens.js';
import { adjacent } from './tokens.js';
import type { NumberLexicon, UnitKind } from './lexicon.js';
import { ONE, mul, parseDecimal, pow10, rat, add, type Rational } from './rational.js';

/** The number itself, before units and context. */
export interface Core {
  /** One past the last token used. */
  end: number;
  q: Rational;
  step: Rational;
  spelled: boolean;
  fraction: boolean;
}

const TIME_WORDS = new Set(['century', 'centuries', 'decade', 'year', 'years', 'month', 'months', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'mile', 'miles', 'point', 'points']);
const isWord = (t: Token | undefined, ...words: string[]) => !!t && words.includes(t.lower);
const isDash = (t: Token | undefined) => !!t && (t.text === '-' || t.text === '‐' || t.text === '–' || t.text === '—');

/**
 * Read a number starting at token `i`: digits with an optional scale ("8.19 million", "1.2bn"),
 * spelled-out words ("twenty-six", "two hundred", "a million") or a fraction ("two-thirds",
 * "a third", "half of").
 */
export function parseCore(tokens: Token[], i: number, lex: NumberLexicon): Core | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num') return digits(tokens, i, lex);
  if (t.kind !== 'word') return null;
  return fraction(tokens, i, lex) ?? spelled(tokens, i, lex);
}

function digits(tokens: Token[], i: number, lex: NumberLexicon): Core {
  const t = tokens[i]!;
  const text = t.text;
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  let q = parseDecimal(text);
  let step = pow10(-decimals);
  let end = i + 1;
  const next = tokens[end];
  const w = next && lex.words.get(next.lower);
  if (w && next) {
    const attached = adjacent(t, next);
    if ((w.kind === 'scale' && next.lower !== 'hundred') || (w.kind === 'abbrev' && (attached || next.lower.length > 1))) {
      q = mul(q, w.value);
      step = mul(step, w.value);
      end++;
    }
  }
  return { end, q, step, spelled: false, fraction: false };
}

function spelled(tokens: Token[], i: number, lex: NumberLexicon): Core | null {
  let total: Rational = rat(0n);
  let current: Rational = rat(0n);
  let last: Rational = ONE;
  let j = i;
  let used = 0;
  let sawValue = false;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    // "a million", "a hundred"
    if ((t.lower === 'a' || t.lower === 'an') && used === 0) {
      const n = tokens[j + 1] && lex.words.get(tokens[j + 1]!.lower);
      if (n?.kind === 'scale') {
        current = ONE;
        sawValue = true;
        used++;
        continue;
      }
      return null;
    }
    if (isDash(t) && used > 0 && adjacent(tokens[j - 1], t) && tokens[j + 1] && lex.words.get(tokens[j + 1]!.lower)?.kind === 'unit') continue;
    if (t.lower === 'and' && used > 0 && lex.words.get(tokens[j + 1]?.lower ?? '')?.kind !== undefined && lex.words.get(tokens[j - 1]!.lower)?.kind === 'scale') continue;
    const w = t.kind === 'word' ? lex.words.get(t.lower) : undefined;
    if (!w || w.kind === 'abbrev') break;
    if (w.kind === 'scale') {
      if (!sawValue) return null;
      if (t.lower === 'hundred') current = mul(current, w.value);
      else {
        total = add(total, mul(current, w.value));
        current = rat(0n);
      }
      last = w.value;
    } else {
      current = add(current, w.value);
      last = ONE;
      sawValue = true;
    }
    used++;
  }
  if (!sawValue) return null;
  // "four-and-a-half", "two and a half"
  const k = (n: number) => tokens[j + n];
  const dashOr = (n: number) => (isDash(k(n)) ? n + 1 : n);
  let x = dashOr(0);
  if (isWord(k(x), 'and')) {
    x = dashOr(x + 1);
    if (isWord(k(x), 'a')) {
      x = dashOr(x + 1);
      if (isWord(k(x), 'half')) {
        current = add(current, rat(1n, 2n));
        j += x + 1;
        last = rat(1n, 2n);
      }
    }
  }
  return { end: j, q: add(total, current), step: last, spelled: true, fraction: false };
}

function fraction(tokens: Token[], i: number, lex: NumberLexicon): Core | null {
  const t = tokens[i]!;
  // "half of", "half the"
  if (t.lower === 'half') {
    // "the first half of the year", "half a century", "half an hour": periods, not shares.
    if (isWord(tokens[i - 1], 'first', 'second', 'latter', 'and', 'an')) return null;
    if (isWord(tokens[i + 1], 'a', 'an') && TIME_WORDS.has(tokens[i + 2]?.lower ?? '')) return null;
    if (isWord(tokens[i + 1], 'of', 'the', 'a', 'an', 'its', 'their', 'all')) return { end: i + 1, q: rat(1n, 2n), step: rat(1n, 100n), spelled: true, fraction: true };
    return null;
  }
  let numerator: bigint | null = null;
  if (t.lower === 'a' || t.lower === 'an' || t.lower === 'one') numerator = 1n;
  else {
    const w = lex.words.get(t.lower);
    if (w?.kind === 'unit' && w.value.d === 1n) numerator = w.value.n;
  }
  if (numerator === null) return null;
  let j = i + 1;
  if (isDash(tokens[j]) && adjacent(t, tokens[j])) j++;
  const f = tokens[j];
  const den = f && f.kind === 'word' ? lex.fractions.get(f.lower) : undefined;
  if (!den || numerator >= den) return null;
  // "a third of", "two-thirds of", "one in…": a fraction needs "of" (or a hyphen) so that
  // "the third quarter" and "a quarter past" stay out.
  const hyphen = j === i + 2;
  if (!hyphen && !isWord(tokens[j + 1], 'of')) return null;
  // "a quarter of a century", "a quarter-century", "four-and-a-half-year"
  let after = j + 1;
  if (isDash(tokens[after]) || isWord(tokens[after], 'of')) after++;
  if (isWord(tokens[after], 'a', 'an')) after++;
  if (TIME_WORDS.has(tokens[after]?.lower ?? '')) return null;
  if (isWord(tokens[i - 1], 'and') || (isDash(tokens[i - 1]) && isWord(tokens[i - 2], 'and'))) return null;
  return { end: j + 1, q: rat(numerator, den), step: rat(1n, 100n), spelled: true, fraction: true };
}

/** A unit written after the number: "%", "per cent", "percentage points", "won", "days", "-day". */
export function parseUnitAfter(tokens: Token[], j: number, lex: NumberLexicon): { end: number; unit: string; kind: UnitKind } | null {
  let k = j;
  // "four-day", "15-day"
  if (isDash(tokens[k]) && adjacent(tokens[k - 1], tokens[k]) && adjacent(tokens[k], tokens[k + 1])) k++;
  for (const u of lex.unitsAfter) {
    if (k > j && u.kind !== 'duration') continue;
    let ok = true;
    for (let n = 0; n < u.words.length; n++) {
      const tok = tokens[k + n];
      if (!tok || tok.lower !== u.words[n]) {
        ok = false;
        break;
      }
    }
    if (ok) return { end: k + u.words.length, unit: u.unit, kind: u.kind };
  }
  return null;
}
