import type { HedgeKind } from '../../nlp/numbers/lexicon.js';
import { HUNDRED, ONE, ZERO, add, cmp, div, isZero, mul, rat, sub, toNumber, type Rational } from '../../nlp/numbers/rational.js';

/** A number as stated: exact value, size of its last digit and hedge. */
export interface Stated {
  q: Rational;
  step: Rational;
  hedge: HedgeKind | null;
  /** High end of a stated range ("10–12%": q is 10, high 12). */
  high?: Rational | null;
}

/** One arithmetic check on a statistic. */
export interface Check {
  kind: 'change_pct' | 'change_abs' | 'ratio' | 'direction' | 'share' | 'sum';
  stated: number | null;
  computed: number;
  /** The computed value's possible range once rounding and hedges are allowed for. */
  low: number;
  high: number;
  consistent: boolean;
}

interface Interval {
  lo: Rational;
  hi: Rational;
}

const HALF = rat(1n, 2n);
const pct = (n: bigint) => rat(n, 100n);
/** Unbounded, for "more than" and "less than". */
const OPEN = rat(1_000_000n);
/** Relative widening for hedged numbers, down and up (docs/statistics.md). */
const WIDEN: Record<HedgeKind, [Rational, Rational]> = {
  approx: [pct(5n), pct(5n)],
  below: [pct(10n), ZERO],
  above: [ZERO, OPEN],
  min: [ZERO, OPEN],
  max: [OPEN, ZERO],
};

const min = (a: Rational, b: Rational) => (cmp(a, b) <= 0 ? a : b);
const max = (a: Rational, b: Rational) => (cmp(a, b) >= 0 ? a : b);
const absR = (a: Rational) => (a.n < 0n ? rat(-a.n, a.d) : a);

/**
 * The interval a stated number stands for: ± half its last digit ("60.6" → 60.55…60.65;
 * "8.19 million" → 8.185…8.195 million), widened for hedges ("about" ±5%, "nearly" −10%,
 * "more than" +10%).
 */
export function interval(s: Stated): Interval {
  const r = mul(s.step, HALF);
  let lo = sub(s.q, r);
  let hi = add(s.high ?? s.q, r);
  if (s.hedge) {
    const [down, up] = WIDEN[s.hedge];
    const size = absR(s.q);
    lo = min(lo, sub(s.q, mul(size, down)));
    hi = max(hi, add(s.q, mul(size, up)));
  }
  return { lo, hi };
}

/**
 * Two numbers compared in one sentence are written to one precision, trailing zeros dropped:
 * in "to 1.5 million from 1 million" the 1 million is 1.0 million (±50,000), not ±500,000.
 * Each unhedged rounded number takes the finer of the two steps.
 */
export function sharedPrecision(a: Stated, b: Stated): [Stated, Stated] {
  if (a.hedge || b.hedge || isZero(a.step) || isZero(b.step)) return [a, b];
  const c = cmp(a.step, b.step);
  if (c === 0) return [a, b];
  return c > 0 ? [{ ...a, step: b.step }, b] : [a, { ...b, step: a.step }];
}

const overlaps = (a: Interval, b: Interval) => cmp(a.lo, b.hi) <= 0 && cmp(b.lo, a.hi) <= 0;
const signed = (s: Stated, negative: boolean): Stated => (negative ? { ...s, q: mul(s.q, rat(-1n)) } : s);
const flip = (i: Interval, negative: boolean): Interval => (negative ? { lo: mul(i.hi, rat(-1n)), hi: mul(i.lo, rat(-1n)) } : i);

function check(kind: Check['kind'], stated: number | null, computed: Rational, range: Interval, consistent: boolean, decimals = 2): Check {
  return { kind, stated, computed: toNumber(computed, decimals), low: toNumber(range.lo, decimals), high: toNumber(range.hi, decimals), consistent };
}

/** Percent change from `previous` to `current` with its range; null when previous is zero. */
function pctRange(current: Stated, previous: Stated): { value: Rational; range: Interval } | null {
  if (isZero(previous.q)) return null;
  const c = interval(current);
  const p = interval(previous);
  if (cmp(p.lo, ZERO) <= 0) return null;
  const f = (a: Rational, b: Rational) => sub(mul(div(a, b), HUNDRED), HUNDRED);
  return { value: f(current.q, previous.q), range: { lo: f(c.lo, p.hi), hi: f(c.hi, p.lo) } };
}

/**
 * What a multiplier word allows. On its own it is loose: "doubled" accepts 1.8…2.2. A hedge
 * bounds one side at the ratio itself: "more than doubled" is 2 or more, "nearly doubled"
 * 1.8 up to 2, "up to twice" at most 2.
 */
export function ratioInterval(x: Stated): Interval {
  const loose = mul(x.q, pct(10n));
  const lo = sub(x.q, loose);
  const hi = add(x.q, loose);
  switch (x.hedge) {
    case 'above':
    case 'min':
      return { lo: x.q, hi: add(x.q, mul(x.q, OPEN)) };
    case 'below':
      return { lo, hi: x.q };
    case 'max':
      return { lo: ZERO, hi: x.q };
    default:
      return { lo, hi };
  }
}

export interface ChangeInput {
  current: Stated;
  previous: Stated | null;
  /** Stated change in percent (unsigned as written); `direction` says whether it went down. */
  pct: Stated | null;
  abs: Stated | null;
  ratio: Stated | null;
  direction: 'up' | 'down' | null;
}

/**
 * Every check the stated numbers allow: previous→current against the stated percentage, the
 * absolute change and the multiplier; the stated direction against the numbers; and, with no
 * previous value, the percentage against current and absolute change.
 */
export function checkChange(input: ChangeInput): Check[] {
  const out: Check[] = [];
  const x = input.previous ? { ...input, ...pair(input.current, input.previous) } : input;
  const down = x.direction === 'down';
  if (x.previous) {
    const r = pctRange(x.current, x.previous);
    if (r && x.pct) {
      const stated = interval(signed(x.pct, down));
      out.push(check('change_pct', toNumber(signed(x.pct, down).q), r.value, r.range, overlaps(stated, r.range)));
    }
    if (x.abs) {
      const c = interval(x.current);
      const p = interval(x.previous);
      const range = { lo: sub(c.lo, p.hi), hi: sub(c.hi, p.lo) };
      const stated = flip(interval(x.abs), down);
      out.push(check('change_abs', toNumber(signed(x.abs, down).q), sub(x.current.q, x.previous.q), range, overlaps(stated, range)));
    }
    if (x.ratio && r) {
      const wanted = ratioInterval(x.ratio);
      const ratio = { lo: add(ONE, div(r.range.lo, HUNDRED)), hi: add(ONE, div(r.range.hi, HUNDRED)) };
      out.push(check('ratio', toNumber(x.ratio.q, 4), add(ONE, div(r.value, HUNDRED)), ratio, overlaps(wanted, ratio), 4));
    }
    if (r && x.direction && !x.pct && !x.abs && !x.ratio) {
      const ok = x.direction === 'up' ? cmp(r.range.hi, ZERO) > 0 : cmp(r.range.lo, ZERO) < 0;
      out.push(check('direction', null, r.value, r.range, ok));
    }
  } else if (x.pct && x.abs) {
    // The current value and the absolute change imply the previous value.
    const prev: Stated = { q: sub(x.current.q, signed(x.abs, down).q), step: add(x.current.step, x.abs.step), hedge: x.current.hedge ?? x.abs.hedge };
    const r = pctRange(x.current, prev);
    if (r) out.push(check('change_pct', toNumber(signed(x.pct, down).q), r.value, r.range, overlaps(interval(signed(x.pct, down)), r.range)));
  }
  return out;
}

const pair = (current: Stated, previous: Stated) => {
  const [c, p] = sharedPrecision(current, previous);
  return { current: c, previous: p };
};

/** A part's share of a whole in percent (one decimal), checked against a stated share when there is one. */
export function checkShare(statedPart: Stated, statedWhole: Stated, statedShare: Stated | null): Check | null {
  const [part, whole] = sharedPrecision(statedPart, statedWhole);
  if (isZero(whole.q)) return null;
  const p = interval(part);
  const w = interval(whole);
  if (cmp(w.lo, ZERO) <= 0) return null;
  const value = mul(div(part.q, whole.q), HUNDRED);
  const range = { lo: mul(div(p.lo, w.hi), HUNDRED), hi: mul(div(p.hi, w.lo), HUNDRED) };
  const consistent = statedShare ? overlaps(interval(statedShare), range) : cmp(range.lo, HUNDRED) <= 0;
  return check('share', statedShare ? toNumber(statedShare.q) : null, value, range, consistent, 1);
}

/** Parts against their whole: `exact` when the text says they make it up, else they must not exceed it. */
export function checkSum(parts: Stated[], whole: Stated, exact: boolean): Check {
  let lo = ZERO;
  let hi = ZERO;
  let sum = ZERO;
  for (const p of parts) {
    const i = interval(p);
    lo = add(lo, i.lo);
    hi = add(hi, i.hi);
    sum = add(sum, p.q);
  }
  const w = interval(whole);
  const consistent = exact ? overlaps({ lo, hi }, w) : cmp(lo, w.hi) <= 0;
  return check('sum', toNumber(whole.q), sum, { lo, hi }, consistent);
}
